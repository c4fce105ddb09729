/**
 * The table library (manual §6.6) — core subset.
 */
import { nativeFn } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import type { LuaVM } from '../vm/state.js';
import { checkTable, checkIntNum, optIntNum, optString, argError, nativeError } from '../vm/auxlib.js';
import { numberToString } from '../vm/value.js';

export function openTable(vm: LuaVM): void {
  const T = new LuaTable();
  T.setStr('insert', nativeFn('insert', (L, base, n) => {
    const t = checkTable(L, base, n, 1);
    const e = t.length() + 1;
    if (n === 2) { t.setInt(e, L.stack[base + 1]); return 0; }
    if (n !== 3) nativeError(L, "wrong number of arguments to 'insert'");
    const pos = checkIntNum(L, base, n, 2);
    if (pos < 1 || pos > e) argError(L, 2, 'position out of bounds');
    for (let i = e; i > pos; i--) t.setInt(i, t.getInt(i - 1));
    t.setInt(pos, L.stack[base + 2]);
    return 0;
  }));
  T.setStr('remove', nativeFn('remove', (L, base, n) => {
    const t = checkTable(L, base, n, 1);
    const size = t.length();
    let pos = optIntNum(L, base, n, 2, size);
    if (n >= 2 && size + 1 !== pos && (pos < 1 || pos > size + 1)) {
      if (!(size === 0 && pos === 0)) argError(L, 2, 'position out of bounds');
    }
    const v = t.getInt(pos);
    for (; pos < size; pos++) t.setInt(pos, t.getInt(pos + 1));
    if (pos <= size || n < 2) t.setInt(pos, undefined);
    L.stack[base] = v;
    return 1;
  }));
  T.setStr('concat', nativeFn('concat', (L, base, n) => {
    const t = checkTable(L, base, n, 1);
    const sep = optString(L, base, n, 2, '');
    const i = optIntNum(L, base, n, 3, 1);
    const j = n >= 4 && L.stack[base + 3] !== undefined ? checkIntNum(L, base, n, 4) : t.length();
    const parts: string[] = [];
    for (let k = i; k <= j; k++) {
      const v = t.getInt(k);
      if (typeof v === 'string') parts.push(v);
      else if (typeof v === 'number' || typeof v === 'bigint' || (typeof v === 'object' && v !== null && 'n' in v)) parts.push(numberToString(v));
      else nativeError(L, `invalid value (at index ${k}) in table for 'concat'`);
    }
    L.stack[base] = parts.join(sep);
    return 1;
  }));
  T.setStr('unpack', nativeFn('unpack', (L, base, n) => {
    const t = L.stack[base];
    const i = optIntNum(L, base, n, 2, 1);
    const j = n >= 3 && L.stack[base + 2] !== undefined ? checkIntNum(L, base, n, 3) : (t as LuaTable).length();
    if (i > j) return 0;
    if (j - i >= 1e6) nativeError(L, 'too many results to unpack');
    L.ensureStack(base + (j - i) + 2);
    const tt = t as LuaTable;
    for (let k = i; k <= j; k++) L.stack[base + k - i] = tt.getInt(k);
    return j - i + 1;
  }));
  T.setStr('pack', nativeFn('pack', (L, base, n) => {
    const t = new LuaTable();
    for (let i = 0; i < n; i++) t.setInt(i + 1, L.stack[base + i]);
    t.setStr('n', n);
    L.stack[base] = t;
    return 1;
  }));
  vm.globals.setStr('table', T);
  vm.loaded.setStr('table', T);
}
