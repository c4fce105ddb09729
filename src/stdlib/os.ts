/**
 * The os library (manual §6.9) — core subset.
 */
import { nativeFn } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import type { LuaVM } from '../vm/state.js';

export function openOs(vm: LuaVM): void {
  const OS = new LuaTable();
  OS.setStr('time', nativeFn('time', (L, base) => { L.stack[base] = Math.floor(Date.now() / 1000); return 1; }));
  OS.setStr('clock', nativeFn('clock', (L, base) => { L.stack[base] = process.cpuUsage().user / 1e6; return 1; }));
  vm.globals.setStr('os', OS);
  vm.loaded.setStr('os', OS);
}
