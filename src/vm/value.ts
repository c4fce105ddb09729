/**
 * Lua values and their JS representation (the only file that knows it; see DESIGN.md):
 *
 *   nil       undefined
 *   boolean   JS boolean
 *   integer   a JS number that is an integer with |n| <= 2^53-1 (never -0), or a bigint
 *             outside that range (always within signed 64 bits; normalised back to a
 *             number whenever it fits)
 *   float     a JS number that is not integral (fractions, NaN, +-inf), or a LuaFloat box
 *             for integral values (1.0, -0.0, 2^60 as a float)
 *   string    a JS string whose char codes are bytes 0..255
 *   table     LuaTable
 *   function  LuaClosure | NativeFunction
 *   userdata  LuaUserdata
 *   thread    LuaThread (vm/thread.ts)
 *
 * So `typeof v === 'number' && Number.isInteger(v)` is exactly "v is a small integer", and
 * a plain non-integral number is always a float.
 */
import { fmtG14 } from '../util/printf.js';
import { str2number } from '../util/str2number.js';
import { LuaTable } from './table.js';
import type { Proto } from './proto.js';

/** An integral-valued float. Immutable. */
export class LuaFloat {
  readonly n: number;
  constructor(n: number) {
    this.n = n;
  }
}

export type LuaValue = any;

/** Signature of a plain native function: args are stack[base .. base+nargs-1]; it writes
 *  its results to stack[base ..] (after reading its arguments) and returns their count. */
export type NativeFn = (L: any, base: number, nargs: number) => number;
/** A native that calls back into Lua: a generator driven by the VM (see vm/interp.ts). */
export type NativeGenFn = (L: any, base: number, nargs: number) => Generator<any, number, any>;

/** Which built-in the VM treats specially inside its loop (pcall, coroutines, ...). */
export const SPECIAL = {
  NONE: 0,
  PCALL: 1,
  XPCALL: 2,
  RESUME: 3,
  YIELD: 4,
  WRAPCALL: 5,
} as const;

/** A function implemented in JS. `gen` natives are generators (they may call Lua). */
export class NativeFunction {
  readonly name: string;
  readonly fn: NativeFn | null;
  readonly gen: NativeGenFn | null;
  readonly special: number;
  /** extra data (coroutine of a wrap function, host object of a bridge method, ...) */
  data: any;
  /** generator natives only: errors raised by the Lua code it calls are thrown into it */
  catches: boolean;
  /** generator natives only: the Lua code it calls may yield (like lua_callk in C) */
  yieldable: boolean;
  /** ITER_NEXT for the base library's `next`, ITER_IPAIRS for ipairs' iterator, else 0: a
   *  generic `for` may take a step of them without a call (see stepIter in jit.ts) */
  iter: number;
  constructor(name: string, fn: NativeFn | null, gen: NativeGenFn | null, special: number, data: any) {
    this.name = name;
    this.fn = fn;
    this.gen = gen;
    this.special = special;
    this.data = data;
    this.catches = false;
    this.yieldable = false;
    this.iter = 0;
  }
}

/** NativeFunction.iter values. */
export const ITER_NEXT = 1;
export const ITER_IPAIRS = 2;

export function nativeFn(name: string, fn: NativeFn): NativeFunction {
  return new NativeFunction(name, fn, null, SPECIAL.NONE, null);
}

export function nativeGen(name: string, gen: NativeGenFn): NativeFunction {
  return new NativeFunction(name, null, gen, SPECIAL.NONE, null);
}

/**
 * An upvalue. While open, it aliases a stack slot: `arr` is the thread's stack and `idx` the
 * slot. When closed, `arr` is a private one-element array and `idx` is 0. Either way the
 * value is `arr[idx]`, so reads and writes never branch.
 */
export class UpVal {
  arr: LuaValue[];
  idx: number;
  /** next open upvalue of the same thread, in decreasing idx order */
  next: UpVal | null;
  open: boolean;
  constructor(arr: LuaValue[], idx: number) {
    this.arr = arr;
    this.idx = idx;
    this.next = null;
    this.open = true;
  }
  close(): void {
    this.arr = upvalCell(this.arr[this.idx]);
    this.idx = 0;
    this.open = false;
  }
}

/**
 * The one-element array of a closed upvalue holding v. Always of V8's general element kind
 * (as the thread stacks are): an array literal of a small integer or a float would have a
 * kind of its own, and the code reading `uv.arr[uv.idx]` would see several array shapes
 * and be optimised again each time a new one appears (also boxing floats at each read).
 */
export function upvalCell(v: LuaValue): LuaValue[] {
  const a: LuaValue[] = [undefined];
  a[0] = v;
  return a;
}

/**
 * The upvalue list of closures without upvalues: empty, of the general element kind like
 * every other upvalue list (an empty literal has the small-integer kind).
 */
export const EMPTY_UPVALS: UpVal[] = generalArray<UpVal>();

/**
 * An empty array of V8's general element kind, which it keeps whatever is stored in it
 * (an empty literal starts as small integers and changes kind, and so shape, with the first
 * float or object). For arrays the interpreter indexes at one site for many instances, such
 * as the constants of every function.
 */
export function generalArray<T>(): T[] {
  const a: T[] = [null as unknown as T];
  a.pop();
  return a;
}

export class LuaClosure {
  readonly proto: Proto;
  readonly upvals: UpVal[];
  constructor(proto: Proto, upvals: UpVal[]) {
    this.proto = proto;
    this.upvals = upvals;
  }
}

export class LuaUserdata {
  value: unknown;
  metatable: LuaTable | null;
  uservalues: LuaValue[];
  /** a light userdata: a bare identity (no metatable of its own, no user values) */
  light: boolean;
  constructor(value: unknown, metatable: LuaTable | null, light = false) {
    this.value = value;
    this.metatable = metatable;
    this.uservalues = [];
    this.light = light;
  }
}

// ---------------------------------------------------------------------------------------
// numbers

export const MAXSAFE = 9007199254740991;
export const MAXINT = 9223372036854775807n;
export const MININT = -9223372036854775808n;
const TWO63 = 9223372036854775808; // 2^63 as a double

/** Normalise a bigint known to be within 64 bits: a number when safe. */
export function normInt(b: bigint): number | bigint {
  if (b >= -9007199254740991n && b <= 9007199254740991n) return Number(b);
  return b;
}

/** Wrap an arbitrary bigint to signed 64 bits and normalise. */
export function wrapInt(b: bigint): number | bigint {
  return normInt(BigInt.asIntN(64, b));
}

export function isInteger(v: LuaValue): boolean {
  return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
}

export function isFloat(v: LuaValue): boolean {
  return (typeof v === 'number' && !Number.isInteger(v)) || v instanceof LuaFloat;
}

export function isNumber(v: LuaValue): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat;
}

/** Make a float value from a JS number (boxing integral values). */
export function mkfloat(n: number): LuaValue {
  return Number.isInteger(n) ? new LuaFloat(n) : n;
}

/** The numeric value of a number as a JS double (integers converted as C does). */
export function numToFloat(v: LuaValue): number {
  if (typeof v === 'number') return v;
  if (v instanceof LuaFloat) return v.n;
  return Number(v as bigint);
}

/** Float -> integer if it has an exact integer representation in 64 bits, else undefined. */
export function floatToInt(n: number): number | bigint | undefined {
  if (!Number.isInteger(n)) return undefined;
  if (n >= -MAXSAFE && n <= MAXSAFE) return n + 0; // + 0 turns -0 into 0
  if (n >= -TWO63 && n < TWO63) return BigInt(n);
  return undefined;
}

/** A number value -> integer (floats only when exact), else undefined. */
export function toIntegerStrict(v: LuaValue): number | bigint | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v === 'bigint') return v;
  if (v instanceof LuaFloat) return floatToInt(v.n);
  return undefined;
}

/** String -> number value (integer or float) as Lua's coercion does; undefined if invalid. */
export function strToNumber(s: string): LuaValue {
  const r = str2number(s);
  if (r === null) return undefined;
  if (r.isInt) return r.value;
  return mkfloat(r.value as number);
}

/** tonumber semantics for arithmetic: numbers as is, numeric strings converted. */
export function toNumber(v: LuaValue): LuaValue {
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) return v;
  if (typeof v === 'string') return strToNumber(v);
  return undefined;
}

/** Convert to integer as bitwise operators do: strings coerced, floats must be exact. */
export function toIntegerCoerce(v: LuaValue): number | bigint | undefined {
  if (typeof v === 'string') {
    const n = strToNumber(v);
    if (n === undefined) return undefined;
    return toIntegerStrict(n);
  }
  return toIntegerStrict(v);
}

/** Lua's string conversion of a number (tostring, concat): %d for integers, %.14g for floats. */
export function numberToString(v: LuaValue): string {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return '' + v;
    return fmtG14(v);
  }
  if (typeof v === 'bigint') return v.toString();
  return fmtG14((v as LuaFloat).n);
}

// ---------------------------------------------------------------------------------------
// type names

export function typeName(v: LuaValue): string {
  switch (typeof v) {
    case 'undefined': return 'nil';
    case 'boolean': return 'boolean';
    case 'number': case 'bigint': return 'number';
    case 'string': return 'string';
    default:
      if (v instanceof LuaFloat) return 'number';
      if (v instanceof LuaClosure || v instanceof NativeFunction) return 'function';
      if (v instanceof LuaUserdata) return 'userdata';
      if (v instanceof LuaTable) return 'table';
      return 'thread';
  }
}

export function isFunction(v: LuaValue): boolean {
  return v instanceof LuaClosure || v instanceof NativeFunction;
}

export function truthy(v: LuaValue): boolean {
  return v !== undefined && v !== false;
}
