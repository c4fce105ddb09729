/**
 * The math library (manual §6.7) — core subset.
 */
import { nativeFn, LuaFloat, mkfloat, numToFloat, floatToInt } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import type { LuaVM } from '../vm/state.js';
import { checkNumber } from '../vm/auxlib.js';
import { numLT } from '../vm/arith.js';

export function openMath(vm: LuaVM): void {
  const M = new LuaTable();
  M.setStr('pi', Math.PI);
  M.setStr('huge', Infinity);
  M.setStr('maxinteger', 9223372036854775807n);
  M.setStr('mininteger', -9223372036854775808n);
  M.setStr('floor', nativeFn('floor', (L, base, n) => {
    const v = checkNumber(L, base, n, 1);
    if (typeof v === 'number' && Number.isInteger(v) || typeof v === 'bigint') { L.stack[base] = v; return 1; }
    const f = Math.floor(numToFloat(v));
    const i = floatToInt(f);
    L.stack[base] = i !== undefined ? i : mkfloat(f);
    return 1;
  }));
  M.setStr('sqrt', nativeFn('sqrt', (L, base, n) => { L.stack[base] = mkfloat(Math.sqrt(numToFloat(checkNumber(L, base, n, 1)))); return 1; }));
  M.setStr('abs', nativeFn('abs', (L, base, n) => {
    const v = checkNumber(L, base, n, 1);
    if (typeof v === 'number') L.stack[base] = Math.abs(v);
    else if (typeof v === 'bigint') L.stack[base] = v < 0n ? BigInt.asIntN(64, -v) : v;
    else L.stack[base] = new LuaFloat(Math.abs(v.n));
    return 1;
  }));
  M.setStr('max', nativeFn('max', (L, base, n) => {
    let m = checkNumber(L, base, n, 1);
    for (let i = 2; i <= n; i++) { const v = checkNumber(L, base, n, i); if (numLT(m, v)) m = v; }
    L.stack[base] = m; return 1;
  }));
  M.setStr('min', nativeFn('min', (L, base, n) => {
    let m = checkNumber(L, base, n, 1);
    for (let i = 2; i <= n; i++) { const v = checkNumber(L, base, n, i); if (numLT(v, m)) m = v; }
    L.stack[base] = m; return 1;
  }));
  M.setStr('type', nativeFn('type', (L, base, n) => {
    const v = L.stack[base];
    if (n < 1) { L.stack[base] = undefined; return 1; }
    L.stack[base] = typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v)) ? 'integer'
      : typeof v === 'number' || v instanceof LuaFloat ? 'float' : undefined;
    return 1;
  }));
  vm.globals.setStr('math', M);
  vm.loaded.setStr('math', M);
}
