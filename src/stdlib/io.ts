/**
 * The io library (manual §6.8) — core subset.
 */
import { nativeFn, numberToString, LuaFloat, numToFloat } from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { formatFloat } from '../util/printf.js';
import { LuaTable } from '../vm/table.js';
import type { LuaVM } from '../vm/state.js';
import { checkString } from '../vm/auxlib.js';

/** How io.write prints a number: "%d" for integers, "%.14g" for floats (no ".0" added). */
export function numberToText(v: LuaValue): string {
  if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) return numberToString(v);
  return formatFloat(numToFloat(v), 'g', '', 0, 14);
}

export function openIo(vm: LuaVM): void {
  const IO = new LuaTable();
  IO.setStr('write', nativeFn('write', (L, base, n) => {
    let out = '';
    for (let i = 0; i < n; i++) {
      const v = L.stack[base + i];
      out += typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat ? numberToText(v) : checkString(L, base, n, i + 1);
    }
    L.vm.stdout(out);
    return 0;
  }));
  vm.globals.setStr('io', IO);
  vm.loaded.setStr('io', IO);
}
