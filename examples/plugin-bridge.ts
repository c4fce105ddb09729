// A plugin with a bridge: the host exposes an object with whitelisted methods and
// properties (engine.registerBridge), loads a Lua plugin and calls into it.
//   npx tsx examples/plugin-bridge.ts
import { readFileSync } from 'node:fs';
import { LuaEngine } from 'moonbox';

interface Item {
  sku: string;
  qty: number;
}

class Inventory {
  readonly owner = 'acme';
  currency = 'EUR';
  private items = new Map<string, number>();

  add(sku: string, qty: number): void {
    this.items.set(sku, (this.items.get(sku) ?? 0) + qty);
  }

  remove(sku: string, qty: number): void {
    const have = this.items.get(sku) ?? 0;
    if (qty > have) throw new RangeError(`cannot remove ${qty} ${sku}: only ${have} left`);
    this.items.set(sku, have - qty);
  }

  list(): Item[] {
    return [...this.items].map(([sku, qty]) => ({ sku, qty }));
  }

  /** not exposed to plugins */
  wipe(): void {
    this.items.clear();
  }
}

/** What the host expects a plugin script to return. */
interface Plugin {
  name: string;
  version: string;
  run: (level: number) => number;
  probe: () => void;
}

const inventory = new Inventory();
inventory.add('bolt', 12);
inventory.add('nut', 40);
inventory.add('washer', 3);

const engine = new LuaEngine();
engine.registerBridge('inventory', inventory, {
  methods: ['add', 'remove', 'list'],
  properties: ['owner', 'currency'],
  writable: ['currency'],
  cleanup: () => console.log('[host] inventory bridge released'),
});

const source = readFileSync(new URL('./restock.plugin.lua', import.meta.url), 'utf8');
const plugin = engine.runSync(source, { chunkname: '@restock.plugin.lua' }).values[0] as Plugin;
console.log(`[host] loaded plugin ${plugin.name} ${plugin.version}`);

const ordered = plugin.run(20);
console.log(`[host] plugin ordered ${ordered} units; currency is now ${inventory.currency}`);
console.log(`[host] stock: ${inventory.list().map((i) => `${i.sku}=${i.qty}`).join(', ')}`);

plugin.probe();

engine.close();
