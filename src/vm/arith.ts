/**
 * Arithmetic, bitwise and order operations on Lua numbers (manual §3.4.1-§3.4.4), with
 * exact 64-bit integer semantics: integer operations wrap around modulo 2^64, `//` and `%`
 * round towards minus infinity, integer division by zero is an error, float operations
 * follow IEEE 754 as C does.
 *
 * These are the slow paths behind the interpreter's inline fast paths; they never look at
 * metamethods (the caller does, when `arith` returns NOTNUM).
 */
import { LuaFloat, mkfloat, normInt, wrapInt, floatToInt, numToFloat, MAXSAFE } from './value.js';
import type { LuaValue } from './value.js';

export const AR = {
  ADD: 0, SUB: 1, MUL: 2, MOD: 3, POW: 4, DIV: 5, IDIV: 6,
  BAND: 7, BOR: 8, BXOR: 9, SHL: 10, SHR: 11, UNM: 12, BNOT: 13,
} as const;

export const AR_EVENTS = [
  '__add', '__sub', '__mul', '__mod', '__pow', '__div', '__idiv',
  '__band', '__bor', '__bxor', '__shl', '__shr', '__unm', '__bnot',
] as const;

/** returned by arith() when an operand is not a number (metamethods apply) */
export const NOTNUM = Symbol('notnum');
/** returned by arith() for bitwise operations on a float without integer representation */
export const NOINT = Symbol('noint');

/** Error for integer division/modulo by zero: thrown as a message to position. */
export class ArithError {
  readonly msg: string;
  constructor(msg: string) {
    this.msg = msg;
  }
}

function big(v: number | bigint): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

// ---- integers ----------------------------------------------------------------------------

export function intAdd(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAXSAFE && r >= -MAXSAFE) return r;
  }
  return wrapInt(big(a) + big(b));
}

export function intSub(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAXSAFE && r >= -MAXSAFE) return r;
  }
  return wrapInt(big(a) - big(b));
}

export function intMul(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAXSAFE && r >= -MAXSAFE) return r + 0;
  }
  return wrapInt(big(a) * big(b));
}

export function intNeg(a: number | bigint): number | bigint {
  if (typeof a === 'number') return 0 - a;
  return wrapInt(-a);
}

/** Floor division; the caller checked b ~= 0. */
export function intIDiv(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.floor(a / b) + 0;
  }
  const x = big(a);
  const y = big(b);
  let q = x / y;
  if ((x % y !== 0n) && ((x < 0n) !== (y < 0n))) q -= 1n;
  return wrapInt(q);
}

/** Floor modulo; the caller checked b ~= 0. */
export function intMod(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    let r = a % b;
    if (r !== 0 && (r < 0) !== (b < 0)) r += b;
    return r + 0;
  }
  const x = big(a);
  const y = big(b);
  let r = x % y;
  if (r !== 0n && (r < 0n) !== (y < 0n)) r += y;
  return normInt(r);
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

const TWO32 = 4294967296;
/** 2^0 .. 2^63, exact as doubles */
const POW2: number[] = Array.from({ length: 64 }, (_, i) => 2 ** i);

// Bitwise operations on integers held as numbers (|x| < 2^53) work on 32-bit halves: the
// high half of such an integer's 64-bit pattern is floor(x / 2^32), a sign-extended 22-bit
// value, and the low half is x >>> 0. AND, OR and XOR of two such patterns have a high
// half of the same kind, so the result is again a number; no BigInt is made.

/** A result by halves: at least -2^53, which is the one value outside the numbers' range. */
function halves(r: number): number | bigint {
  return r >= -MAXSAFE ? r : BigInt(r);
}

export function intBand(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a >= INT32_MIN && a <= INT32_MAX && b >= INT32_MIN && b <= INT32_MAX) return a & b;
    return halves((Math.floor(a / TWO32) & Math.floor(b / TWO32)) * TWO32 + (((a >>> 0) & (b >>> 0)) >>> 0));
  }
  return normInt(BigInt.asIntN(64, big(a) & big(b)));
}

export function intBor(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a >= INT32_MIN && a <= INT32_MAX && b >= INT32_MIN && b <= INT32_MAX) return a | b;
    return halves((Math.floor(a / TWO32) | Math.floor(b / TWO32)) * TWO32 + (((a >>> 0) | (b >>> 0)) >>> 0));
  }
  return normInt(BigInt.asIntN(64, big(a) | big(b)));
}

export function intBxor(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a >= INT32_MIN && a <= INT32_MAX && b >= INT32_MIN && b <= INT32_MAX) return a ^ b;
    return halves((Math.floor(a / TWO32) ^ Math.floor(b / TWO32)) * TWO32 + (((a >>> 0) ^ (b >>> 0)) >>> 0));
  }
  return normInt(BigInt.asIntN(64, big(a) ^ big(b)));
}

export function intBnot(a: number | bigint): number | bigint {
  if (typeof a === 'number' && a !== MAXSAFE) return -a - 1; // two's complement: ~a = -a - 1
  return normInt(BigInt.asIntN(64, ~big(a)));
}

/** Logical shift left (negative n shifts right); shifts of 64 or more give 0. */
export function intShl(a: number | bigint, n: number | bigint): number | bigint {
  if (typeof n === 'bigint') return 0;
  if (n <= -64 || n >= 64) return 0;
  if (n >= 0) {
    if (typeof a === 'number') {
      if (a >= 0 && n < 31 && a < (1 << (31 - n))) return a << n;
      // no bit reaches past bit 52: the shift is a product, and no 64-bit wrap happens
      const r = a * POW2[n];
      if (r <= MAXSAFE && r >= -MAXSAFE) return r + 0;
    }
    return normInt(BigInt.asIntN(64, big(a) << BigInt(n)));
  }
  return intShr(a, -n);
}

/** Logical shift right (on the unsigned 64-bit pattern). */
export function intShr(a: number | bigint, n: number | bigint): number | bigint {
  if (typeof n === 'bigint') return 0;
  if (n <= -64 || n >= 64) return 0;
  if (n < 0) return intShl(a, -n);
  if (typeof a === 'number' && a >= 0) {
    if (a <= 0xffffffff) return n < 32 ? a >>> n : 0; // a uint32: JS's unsigned shift is exact
    return Math.floor(a / POW2[n]); // exact: a division by a power of two, then the floor
  }
  return normInt(BigInt.asIntN(64, BigInt.asUintN(64, big(a)) >> BigInt(n)));
}

// ---- floats ------------------------------------------------------------------------------

/** The NaN the x86-64 FPU produces for invalid operations: its sign bit is set ("-nan"). */
export const DEFAULT_NAN = new Float64Array(new BigUint64Array([0xfff8000000000000n]).buffer)[0];

/** C's pow, which differs from Math.pow on a few special cases. */
export function cpow(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  const r = Math.pow(x, y);
  if (r !== r) {
    // glibc: a NaN operand propagates (pow(NaN, 1) is the positive NaN), an invalid
    // operation gives the default NaN
    if (x !== x) return Number.isInteger(y) && y % 2 !== 0 ? NaN : x; // odd powers drop the sign
    return y !== y ? y : DEFAULT_NAN;
  }
  return r;
}

/** Lua's float modulo: fmod, then adjusted towards the sign of the divisor. */
export function fltMod(a: number, b: number): number {
  let m: number;
  if (b === Infinity && a >= 0 && isFinite(a)) m = a;
  else if (b === -Infinity && a <= 0 && isFinite(a)) m = a;
  else m = a % b;
  // an invalid fmod (x % 0, inf % y) gives the FPU's default NaN; NaN operands propagate
  if (m !== m) return a !== a ? a : b !== b ? b : DEFAULT_NAN;
  // fmod truncates; adjust when m and b have different signs
  if (m > 0 ? b < 0 : (m < 0 && b > 0)) m += b;
  return m;
}

function fltArith(op: number, x: number, y: number): number {
  switch (op) {
    case AR.ADD: return x + y;
    case AR.SUB: return x - y;
    case AR.MUL: return x * y;
    case AR.DIV: return x / y;
    case AR.POW: return y === 2 ? x * x : cpow(x, y);
    case AR.IDIV: return Math.floor(x / y);
    case AR.MOD: return fltMod(x, y);
    case AR.UNM: return -x;
    default: return NaN;
  }
}

function isNum(v: LuaValue): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat;
}

function isInt(v: LuaValue): boolean {
  return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
}

/** Integer value of a number for bitwise operations, or undefined (float not integral). */
export function bitInt(v: LuaValue): number | bigint | undefined {
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v;
    return undefined;
  }
  if (typeof v === 'bigint') return v;
  return floatToInt((v as LuaFloat).n);
}

/**
 * a op b on numbers (b ignored for unary ops). Returns NOTNUM when an operand is not a
 * number, NOINT when a bitwise operand has no integer representation; throws ArithError for
 * integer division by zero.
 */
export function arith(op: number, a: LuaValue, b: LuaValue): LuaValue {
  if (!isNum(a) || !isNum(b)) return NOTNUM;
  if (op >= AR.BAND && op !== AR.UNM) {
    const x = bitInt(a);
    const y = bitInt(b);
    if (x === undefined || y === undefined) return NOINT;
    switch (op) {
      case AR.BAND: return intBand(x, y);
      case AR.BOR: return intBor(x, y);
      case AR.BXOR: return intBxor(x, y);
      case AR.SHL: return intShl(x, y);
      case AR.SHR: return intShr(x, y);
      default: return intBnot(x);
    }
  }
  if (op !== AR.DIV && op !== AR.POW && isInt(a) && isInt(b)) {
    const x = a as number | bigint;
    const y = b as number | bigint;
    switch (op) {
      case AR.ADD: return intAdd(x, y);
      case AR.SUB: return intSub(x, y);
      case AR.MUL: return intMul(x, y);
      case AR.UNM: return intNeg(x);
      case AR.IDIV:
        if (y === 0) throw new ArithError('attempt to divide by zero');
        return intIDiv(x, y);
      case AR.MOD:
        if (y === 0) throw new ArithError("attempt to perform 'n%0'");
        return intMod(x, y);
    }
  }
  return mkfloat(fltArith(op, numToFloat(a), numToFloat(b)));
}

// ---- comparisons -------------------------------------------------------------------------

/** a < b for two numbers (exact across integers and floats). */
export function numLT(a: LuaValue, b: LuaValue): boolean {
  const x = a instanceof LuaFloat ? a.n : a;
  const y = b instanceof LuaFloat ? b.n : b;
  // JS compares number/bigint mixes exactly; NaN compares false
  return x < y;
}

export function numLE(a: LuaValue, b: LuaValue): boolean {
  const x = a instanceof LuaFloat ? a.n : a;
  const y = b instanceof LuaFloat ? b.n : b;
  return x <= y;
}

/** a == b for two numbers */
export function numEQ(a: LuaValue, b: LuaValue): boolean {
  const x = a instanceof LuaFloat ? a.n : a;
  const y = b instanceof LuaFloat ? b.n : b;
  // eslint-disable-next-line eqeqeq
  return x == y;
}

export { isNum, isInt };
