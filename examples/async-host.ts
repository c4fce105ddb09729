// Async host functions: Lua code calls a host function that returns a Promise and simply
// gets the resolved value, at any depth (here inside pcall and a table.sort comparator);
// many runs are in flight on one engine at once; an AbortSignal cancels a run.
//   npx tsx examples/async-host.ts
import { LuaAbortError, LuaEngine } from 'moonbox';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(t); reject(signal.reason); }, { once: true });
  });

// A pretend database: every lookup takes a few milliseconds.
const prices: Record<string, number> = { apple: 3, pear: 5, plum: 2 };
const engine = new LuaEngine();
engine.setGlobal('fetchPrice', async (item: string) => {
  await sleep(5);
  if (!(item in prices)) throw new Error(`no price for ${item}`);
  return prices[item];
});

// 1. The script reads like synchronous code; errors from a rejected Promise are Lua errors.
const basket = await engine.run(`
  local items = { 'pear', 'apple', 'plum' }
  table.sort(items, function (a, b) return fetchPrice(a) < fetchPrice(b) end)
  local ok, err = pcall(fetchPrice, 'kiwi')
  return table.concat(items, ' < '), ok, tostring(err)
`, { chunkname: '=basket.lua' });
console.log(basket.values.join(' | '));

// 2. Many runs at once on one engine, each with its own Lua thread; results go to their callers.
engine.runSync('function total(n) local s = 0 for i = 1, n do s = s + fetchPrice("plum") end return s end');
const totals = await Promise.all([1, 2, 3].map((n) => engine.callAsync('total', n)));
console.log(totals.map((v) => v[0]).join(' '));

// 3. An AbortSignal cancels a run: the waiting host call sees it as `this.signal`.
engine.setGlobal('slowReport', async function (this: { signal?: AbortSignal }) {
  await sleep(10_000, this.signal);
  return 'never';
});
const controller = new AbortController();
setTimeout(() => controller.abort(), 20);
try {
  await engine.run('return slowReport()', { signal: controller.signal });
} catch (e) {
  console.log(e instanceof LuaAbortError ? `aborted: ${e.message}` : e);
}
