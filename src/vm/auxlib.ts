/**
 * Helpers for native functions: argument checking with the reference interpreter's
 * messages ("bad argument #1 to 'insert' (table expected, got nil)"), errors positioned at
 * the calling Lua code, and conversions.
 *
 * Calling convention (see value.ts NativeFn): a native receives (L, base, nargs); argument
 * number n (1-based) is L.stack[base + n - 1] when n <= nargs; results are written from
 * L.stack[base] on, after all arguments were read, and their count is returned.
 */
import {
  LuaFloat, LuaUserdata, NativeFunction, LuaClosure, numberToString, toNumber, toIntegerStrict,
  typeName, floatToInt, isNumber, isFunction, SPECIAL,
} from './value.js';
import type { LuaValue, NativeFn, NativeGenFn } from './value.js';
import { LuaTable } from './table.js';
import { LuaThrow } from './errors.js';
import { LuaThread } from './state.js';
import type { LuaVM } from './state.js';
import { whereL, frameFuncName, globalFuncName } from './debuginfo.js';
import { metaName } from './meta.js';

/** Error raised by a native, positioned at the Lua code that called it (luaL_error). */
export function nativeError(L: LuaThread, msg: string): never {
  throw new LuaThrow(whereL(L, L.ci - 1) + msg);
}

/** The results nil, msg of a function that fails without raising an error: their count. */
export function failResults(L: LuaThread, base: number, msg: LuaValue): number {
  L.stack[base] = undefined;
  L.stack[base + 1] = msg;
  return 2;
}

/** "bad argument #narg to 'fname' (msg)" */
export function argError(L: LuaThread, narg: number, msg: string): never {
  // the name the call site gives the running native, else its global name
  const n = frameFuncName(L, L.ci);
  let name: string;
  if (n !== null) {
    name = n.name;
    if (n.kind === 'method') {
      narg--;
      if (narg === 0) nativeError(L, `calling '${name}' on bad self (${msg})`);
    }
  } else {
    const f = L.frames[L.ci];
    const fn = f.native ?? f.closure;
    name = (fn !== null ? globalFuncName(L, fn) : null) ?? '?';
  }
  nativeError(L, `bad argument #${narg} to '${name}' (${msg})`);
}

/** The __name field of v's metatable when it is a string, else v's type name. */
function metaTypeName(vm: LuaVM, v: LuaValue): string {
  return metaName(vm, v) ?? typeName(v);
}

/** Type name for "got X" in messages: __name if set, "no value" for a missing argument. */
export function argTypeName(L: LuaThread, nargs: number, narg: number, v: LuaValue): string {
  if (narg > nargs) return 'no value';
  if (v instanceof LuaUserdata && v.light) return 'light userdata';
  return metaTypeName(L.vm, v);
}

export function typeErrorArg(L: LuaThread, base: number, nargs: number, narg: number, expected: string): never {
  argError(L, narg, `${expected} expected, got ${argTypeName(L, nargs, narg, arg(L, base, nargs, narg))}`);
}

export function arg(L: LuaThread, base: number, nargs: number, narg: number): LuaValue {
  return narg <= nargs ? L.stack[base + narg - 1] : undefined;
}

export function checkAny(L: LuaThread, base: number, nargs: number, narg: number): LuaValue {
  if (narg > nargs) argError(L, narg, 'value expected');
  return L.stack[base + narg - 1];
}

/** A function argument (a Lua or native function; callable objects are not accepted). */
export function checkFunction(L: LuaThread, base: number, nargs: number, narg: number): LuaClosure | NativeFunction {
  const v = arg(L, base, nargs, narg);
  if (!isFunction(v)) typeErrorArg(L, base, nargs, narg, 'function');
  return v;
}

export function checkTable(L: LuaThread, base: number, nargs: number, narg: number): LuaTable {
  const v = arg(L, base, nargs, narg);
  if (!(v instanceof LuaTable)) typeErrorArg(L, base, nargs, narg, 'table');
  return v;
}

/** An integer argument (floats with exact integer values and numeric strings accepted). */
export function checkInteger(L: LuaThread, base: number, nargs: number, narg: number): number | bigint {
  const v = arg(L, base, nargs, narg);
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const n = toNumber(v);
  if (n === undefined) typeErrorArg(L, base, nargs, narg, 'number');
  const r = toIntegerStrict(n);
  if (r === undefined) argError(L, narg, 'number has no integer representation');
  return r;
}

export function optInteger(L: LuaThread, base: number, nargs: number, narg: number, def: number | bigint): number | bigint {
  const v = arg(L, base, nargs, narg);
  if (v === undefined) return def;
  return checkInteger(L, base, nargs, narg);
}

/** An integer argument that must fit a JS safe integer (clamped beyond, for sizes/indices). */
export function checkIntNum(L: LuaThread, base: number, nargs: number, narg: number): number {
  const v = checkInteger(L, base, nargs, narg);
  if (typeof v === 'bigint') return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  return v;
}

export function optIntNum(L: LuaThread, base: number, nargs: number, narg: number, def: number): number {
  const v = arg(L, base, nargs, narg);
  if (v === undefined) return def;
  return checkIntNum(L, base, nargs, narg);
}

/** A number argument (numeric strings converted), as a Lua number value. */
export function checkNumber(L: LuaThread, base: number, nargs: number, narg: number): LuaValue {
  const n = toNumber(arg(L, base, nargs, narg));
  if (n === undefined) typeErrorArg(L, base, nargs, narg, 'number');
  return n;
}

export function optNumber(L: LuaThread, base: number, nargs: number, narg: number, def: LuaValue): LuaValue {
  const v = arg(L, base, nargs, narg);
  if (v === undefined) return def;
  return checkNumber(L, base, nargs, narg);
}

/** A string argument (numbers converted, as luaL_checklstring does). */
export function checkString(L: LuaThread, base: number, nargs: number, narg: number): string {
  const v = arg(L, base, nargs, narg);
  if (typeof v === 'string') return v;
  if (!isNumber(v)) typeErrorArg(L, base, nargs, narg, 'string');
  return numberToString(v);
}

export function optString(L: LuaThread, base: number, nargs: number, narg: number, def: string): string {
  const v = arg(L, base, nargs, narg);
  if (v === undefined) return def;
  return checkString(L, base, nargs, narg);
}

/** A Lua string as C sees it (a path, an option, a name): it ends at the first zero byte. */
export function cString(s: string): string {
  const z = s.indexOf('\0');
  return z < 0 ? s : s.slice(0, z);
}

/** luaL_checkoption: the argument must be one of `options`. */
export function checkOption(L: LuaThread, base: number, nargs: number, narg: number, def: string | null, options: readonly string[]): number {
  const name = cString(def !== null ? optString(L, base, nargs, narg, def) : checkString(L, base, nargs, narg));
  const i = options.indexOf(name);
  if (i < 0) argError(L, narg, `invalid option '${name}'`);
  return i;
}

/** tostring without metamethods (luaL_tolstring's default cases). */
export function basicToString(vm: LuaVM, v: LuaValue): string {
  if (typeof v === 'string') return v;
  if (isNumber(v)) return numberToString(v);
  if (v === undefined) return 'nil';
  if (typeof v === 'boolean') return String(v);
  // a native function is a "function" whatever its metatable's __name says
  return `${v instanceof NativeFunction ? 'function' : metaTypeName(vm, v)}: ${vm.addressOf(v)}`;
}

/** Integer value of a float or integer for library use (no strings). */
export function numToInt(v: LuaValue): number | bigint | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'bigint') return v;
  if (v instanceof LuaFloat) return floatToInt(v.n);
  return undefined;
}

/**
 * A dual native: the plain form fn runs first and returns -1, before any side effect, to
 * hand the call over to the generator form gen.
 */
export function dualFn(name: string, fn: NativeFn, gen: NativeGenFn): NativeFunction {
  return new NativeFunction(name, fn, gen, SPECIAL.NONE, null);
}

/** Set t[f.name] = f for each native f, in order (luaL_setfuncs); returns t. */
export function setFuncs(t: LuaTable, fns: readonly NativeFunction[]): LuaTable {
  for (const f of fns) t.setStr(f.name, f);
  return t;
}

/** Make a library table available as the global `name` and as package.loaded[name]. */
export function registerLib(vm: LuaVM, name: string, lib: LuaTable): void {
  vm.globals.setStr(name, lib);
  vm.loaded.setStr(name, lib);
}

export function isCallable(v: LuaValue): boolean {
  return v instanceof LuaClosure || v instanceof NativeFunction;
}

export { LuaTable, LuaUserdata, LuaThread };
