/**
 * The mathematical library (manual §6.7), plus the functions lua5.4 keeps for 5.3
 * compatibility (atan2, cosh, sinh, tanh, pow, frexp, ldexp, log10), as the reference build
 * has them.
 *
 * Integer/float rules (§3.4.3, §6.7): functions given an integer keep it an integer where the
 * manual says so (abs, ceil, floor, fmod, modf, max, min); floor/ceil/modf turn a float
 * result into an integer when it fits 64 bits; everything else works on floats. Arguments
 * are "integers" only when they are integer-typed numbers: a numeric string is converted to
 * a float (lua_isinteger is false for strings).
 *
 * NaN signs: lua5.4 prints a NaN with its sign bit ("-nan" for 0/0 on x86-64). Functions
 * given a NaN return that NaN; functions producing a NaN from ordinary arguments return the
 * machine's default NaN (what 0/0 computes at run time), except where glibc returns a
 * positive one (asin/acos out of range, log10 of a negative number).
 */
import {
  LuaFloat, NativeFunction, SPECIAL, nativeFn, mkfloat, numToFloat, floatToInt, normInt, wrapInt,
  toIntegerCoerce,
} from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import type { LuaThread, LuaVM } from '../vm/state.js';
import type { CallRequest } from '../vm/interp.js';
import { cpow } from '../vm/arith.js';
import { argError, checkAny, checkInteger, checkNumber, nativeError, optInteger } from '../vm/auxlib.js';
import { lessThanGen, rawLess } from './table.js';
import { Xoshiro256 } from './random.js';

// ---- NaNs --------------------------------------------------------------------------------

const nanOperands = [0, 0];
/** The NaN invalid operations produce on this machine, computed at run time (not folded). */
const DEFAULT_NAN = nanOperands[0] / nanOperands[1];
const nanView = new DataView(new ArrayBuffer(8));
nanView.setFloat64(0, DEFAULT_NAN);
const defaultNanNegative = (nanView.getUint8(0) & 0x80) !== 0;
/** a NaN with the sign bit clear (glibc's fabs, asin, acos, log10 results) */
const POS_NAN = defaultNanNegative ? -DEFAULT_NAN : DEFAULT_NAN;

/**
 * Result r of a function of x: a NaN argument propagates, a new NaN is `nan` (the default
 * one unless glibc returns another).
 */
function nan1(r: number, x: number, nan = DEFAULT_NAN): number {
  if (r === r) return r;
  return x !== x ? x : nan;
}

/** Same for a function of two arguments (the first NaN argument propagates). */
function nan2(r: number, x: number, y: number): number {
  if (r === r) return r;
  if (x !== x) return x;
  return y !== y ? y : DEFAULT_NAN;
}

// ---- correctly rounded log, log2 and exp, glibc's log10 ------------------------------------
//
// glibc's log, log2 and exp are correctly rounded in all but very rare cases;
// V8's Math.log/exp (fdlibm) are off by one ulp for a few percent of arguments (Math.log(3),
// about 10% of exp results), which math.log(x, 3) and "%.17g" make visible. These evaluate
// the functions in double-double arithmetic (about 70 correct bits) and round once; they are
// 20 to 30 times slower than the Math functions. (sin, cos, tan and the inverse functions
// still use Math and differ from glibc in the last bit for a few percent of arguments.)

const SPLIT = 134217729; // 2^27 + 1, Dekker's splitter
/** ddHi + ddLo: the exact result of the last twoSum / twoProd */
let ddHi = 0;
let ddLo = 0;

function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  ddLo = (a - (s - bb)) + (b - bb);
  ddHi = s;
}

function twoProd(a: number, b: number): void {
  const p = a * b;
  const as = SPLIT * a;
  const ah = as - (as - a);
  const al = a - ah;
  const bs = SPLIT * b;
  const bh = bs - (bs - b);
  const bl = b - bh;
  ddLo = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  ddHi = p;
}

/** (hi, lo) / d for a small integer d, as a double-double in ddHi, ddLo */
function ddDivSmall(hi: number, lo: number, d: number): void {
  const q = hi / d;
  twoProd(q, d);
  const r = ((hi - ddHi) - ddLo + lo) / d;
  twoSum(q, r);
}

/** (ah, al) * (bh, bl) into ddHi, ddLo */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const lo = ddLo + (ah * bl + al * bh);
  twoSum(ddHi, lo);
}

/** ln 2 = LN2_HI + LN2_MID + LN2_TAIL to about 140 bits; LN2_HI has 32 bits (k * LN2_HI is exact) */
const LN2_HI = 0.6931471803691238;
const LN2_MID = 1.9082149292705877e-10;
const LN2_TAIL = 1.1612227229362532e-26;

/** Natural logarithm, correctly rounded except in extremely rare cases. */
export function _crLog(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x); // NaN, <= 0, +inf: no rounding involved
  if (x === 1) return 0;
  ddLog(x);
  return ddHi + ddLo;
}

const INVLN2_HI = 1.4426950408889634;
const INVLN2_LO = 2.0355273740931033e-17;

/** log2 the same way: the double-double log times 1/ln 2, rounded once. */
function crLogBase(x: number, invHi: number, invLo: number, fallback: (x: number) => number): number {
  if (!(x > 0) || x === Infinity) return fallback(x);
  if (x === 1) return 0;
  ddLog(x);
  ddMul(ddHi, ddLo, invHi, invLo);
  return ddHi + ddLo;
}

export function _crLog2(x: number): number {
  return crLogBase(x, INVLN2_HI, INVLN2_LO, Math.log2);
}

/**
 * log10 as glibc computes it, which is not correctly rounded: x = 2^y m with m in [1, 2) (or
 * [0.5, 1) when y < 0), log10(x) = (y LOG10_2LO + log(m) / ln10) + y LOG10_2HI, with the
 * (correctly rounded) natural log.
 */
export function _log10(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log10(x);
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54
    k = -54;
  }
  nanView.setFloat64(0, x);
  const hx = nanView.getUint32(0);
  k += (hx >>> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  nanView.setUint32(0, (hx & 0x000fffff) | ((0x3ff - i) << 20));
  const m = nanView.getFloat64(0);
  const y = k + i;
  const z = y * 3.69423907715893078616e-13 + 4.34294481903251816668e-01 * _crLog(m);
  return z + y * 3.01029995663611771306e-01;
}

/** log(x) for a positive finite x other than 1, unrounded, in ddHi + ddLo. */
function ddLog(x: number): void {
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54: make subnormals normal
    k = -54;
  }
  nanView.setFloat64(0, x);
  const hiWord = nanView.getUint32(0);
  k += ((hiWord >>> 20) & 0x7ff) - 1023;
  nanView.setUint32(0, (hiWord & 0x800fffff) | (1023 << 20));
  let m = nanView.getFloat64(0); // [1, 2)
  if (m > Math.SQRT2) {
    m /= 2;
    k++;
  }
  const f = m - 1; // exact
  // s = f / (2 + f)
  twoSum(2, f);
  const dh = ddHi;
  const dl = ddLo;
  const sh = f / dh;
  twoProd(sh, dh);
  const sl = ((f - ddHi) - ddLo - sh * dl) / dh;
  // z = s^2
  twoProd(sh, sh);
  const zh = ddHi;
  const zl = ddLo + 2 * sh * sl;
  // Q = 1 + z/3 + z^2/5 + z^3 (1/7 + z/9 + ...): the first terms in double-double
  const z = zh;
  let t = 1 / 29;
  for (let d = 27; d >= 7; d -= 2) t = 1 / d + z * t;
  t *= z * z * z;
  ddDivSmall(zh, zl, 3);
  const c3h = ddHi;
  const c3l = ddLo;
  twoProd(zh, zh);
  ddDivSmall(ddHi, ddLo + 2 * zh * zl, 5);
  const c5h = ddHi;
  const c5l = ddLo;
  twoSum(c3h, c5h);
  let qh = ddHi;
  let ql = ddLo + c3l + c5l + t;
  twoSum(1, qh);
  qh = ddHi;
  ql += ddLo;
  // log(m) = 2 s Q
  twoProd(sh, qh);
  const lh = 2 * ddHi;
  const ll = 2 * (ddLo + sh * ql + sl * qh);
  // + k ln 2
  twoSum(k * LN2_HI, lh);
  const rh = ddHi;
  const rl = ddLo + ll + k * LN2_MID;
  twoSum(rh, rl);
}


/**
 * e^x, correctly rounded except in extremely rare cases: e^x = 2^k e^r, r = x - k ln2 in
 * double-double, e^r - 1 by a Taylor series for r / 256, squared back up eight times.
 */
export function _crExp(x: number): number {
  // NaN, infinities, overflow and (partly subnormal) underflow: no double rounding to fear
  if (!(x > -708 && x < 709.78)) return Math.exp(x);
  if (x === 0) return 1;
  const k = Math.round(x / Math.LN2);
  // r = x - k ln2 (k LN2_HI is exact, and so is the subtraction: x is close to it)
  const a = x - k * LN2_HI;
  twoProd(k, LN2_MID);
  const pl = ddLo;
  twoSum(a, -ddHi);
  twoSum(ddHi, ddLo - pl - k * LN2_TAIL);
  const rh = ddHi / 256;
  const rl = ddLo / 256;
  // e = expm1(r / 256): |r / 256| < 2^-9.5, so beyond r + r^2/2 (double-double) the terms are
  // small enough for plain doubles
  twoProd(rh, rh);
  const qh = ddHi / 2;
  const ql = (ddLo + 2 * rh * rl) / 2;
  const tail = rh * rh * rh * (1 / 6 + rh * (1 / 24 + rh * (1 / 120 + rh * (1 / 720 + rh * (1 / 5040)))));
  twoSum(rh, qh);
  let eh = ddHi;
  let el = ddLo + rl + ql + tail;
  twoSum(eh, el);
  eh = ddHi;
  el = ddLo;
  // expm1(2y) = expm1(y) (expm1(y) + 2), eight times (inlined double-double operations)
  for (let i = 0; i < 8; i++) {
    const sh = 2 + eh; // |eh| < 2: Fast2Sum
    const sl = (eh - (sh - 2)) + el;
    const p = eh * sh;
    const es = SPLIT * eh;
    const ea = es - (es - eh);
    const eb = eh - ea;
    const ss = SPLIT * sh;
    const sa = ss - (ss - sh);
    const sb = sh - sa;
    const pe = ((ea * sa - p) + ea * sb + eb * sa) + eb * sb + (eh * sl + el * sh);
    eh = p + pe;
    el = pe - (eh - p);
  }
  twoSum(1, eh);
  const r = ddHi + (ddLo + el);
  return k > 1023 ? r * Math.pow(2, k - 1) * 2 : r * Math.pow(2, k);
}

// ---- correctly rounded sin, cos, tan ------------------------------------------------------
//
// glibc's sin and cos are correctly rounded in practice; V8's differ in the last bit for a
// few percent of arguments. x = k pi/2 + r with pi/2 in four parts (the first three of 33
// bits, so k * part is exact for |k| < 2^20), then Taylor series for sin r and cos r
// (|r| <= pi/4) with the terms above 2^-17 in double-double. Arguments of 2^20 pi/2 and more
// are reduced with exact integer arithmetic instead.

const PIO2_1 = 1.5707963267341256;
const PIO2_2 = 6.077100506303966e-11;
const PIO2_3 = 2.0222662487111665e-21;
const PIO2_3T = 8.4784276603689e-32;
const INV_PIO2 = 0.6366197723675814;
/** beyond this |x| the reduction above is not exact: reduceLarge takes over */
const TRIG_MAX = 1647099; // about 2^20 * pi/2

/** sin r, cos r of the reduced argument, in sinH/sinL and cosH/cosL */
let sinH = 0;
let sinL = 0;
let cosH = 0;
let cosL = 0;

/** x - k pi/2 for |k| < 2^20, into ddHi/ddLo */
function reducePio2(x: number, k: number): void {
  const a = x - k * PIO2_1; // exact: x is close to k * PIO2_1
  twoSum(a, -k * PIO2_2);
  const h = ddHi;
  let l = ddLo;
  twoSum(h, -k * PIO2_3);
  l += ddLo - k * PIO2_3T;
  twoSum(ddHi, l);
}

/** (ah, al) + (bh, bl) into ddHi, ddLo */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const e = ddLo + al + bl;
  twoSum(ddHi, e);
}

/** 1/9!, 1/11!, ... 1/27! and 1/10!, 1/12!, ... 1/26!: the series tails in plain doubles */
const SIN_TAIL: number[] = [];
const COS_TAIL: number[] = [];
for (let n = 9, f = 362880; n <= 27; n += 2, f *= n * (n - 1)) SIN_TAIL.push(1 / f);
for (let n = 10, f = 3628800; n <= 26; n += 2, f *= n * (n - 1)) COS_TAIL.push(1 / f);

/** sin and cos of r = rh + rl, |r| <= pi/4 + tiny */
function sinCosKernel(rh: number, rl: number, wantSin: boolean, wantCos: boolean): void {
  twoProd(rh, rh);
  const r2h = ddHi;
  const r2l = ddLo + 2 * rh * rl;
  const z = r2h;
  if (wantSin) {
    // sin r = r - r^3/3! + r^5/5! - r^7/7! + r^9 (1/9! - r^2/11! + ...)
    ddMul(rh, rl, r2h, r2l);
    const r3h = ddHi;
    const r3l = ddLo;
    ddMul(r3h, r3l, r2h, r2l);
    const r5h = ddHi;
    const r5l = ddLo;
    ddMul(r5h, r5l, r2h, r2l);
    const r7h = ddHi;
    const r7l = ddLo;
    let tail = 0;
    for (let n = SIN_TAIL.length - 1; n >= 0; n--) tail = SIN_TAIL[n] - z * tail;
    tail *= r7h * z;
    ddDivSmall(r7h, r7l, 5040);
    let sh = tail - ddHi;
    let sl = -ddLo;
    ddDivSmall(r5h, r5l, 120);
    ddAdd(sh, sl, ddHi, ddLo);
    sh = ddHi;
    sl = ddLo;
    ddDivSmall(r3h, r3l, 6);
    ddAdd(sh, sl, -ddHi, -ddLo);
    ddAdd(rh, rl, ddHi, ddLo);
    sinH = ddHi;
    sinL = ddLo;
  }
  if (wantCos) {
    // cos r = 1 - r^2/2! + r^4/4! - r^6/6! + r^8/8! - r^10 (1/10! - r^2/12! + ...)
    ddMul(r2h, r2l, r2h, r2l);
    const r4h = ddHi;
    const r4l = ddLo;
    ddMul(r4h, r4l, r2h, r2l);
    const r6h = ddHi;
    const r6l = ddLo;
    ddMul(r6h, r6l, r2h, r2l);
    const r8h = ddHi;
    const r8l = ddLo;
    let tail = 0;
    for (let n = COS_TAIL.length - 1; n >= 0; n--) tail = COS_TAIL[n] - z * tail;
    tail *= -r8h * z;
    ddDivSmall(r8h, r8l, 40320);
    let ch = tail + ddHi;
    let cl = ddLo;
    ddDivSmall(r6h, r6l, 720);
    ddAdd(ch, cl, -ddHi, -ddLo);
    ch = ddHi;
    cl = ddLo;
    ddDivSmall(r4h, r4l, 24);
    ddAdd(ch, cl, ddHi, ddLo);
    ch = ddHi;
    cl = ddLo;
    ddAdd(ch, cl, -r2h / 2, -r2l / 2);
    ddAdd(1, 0, ddHi, ddLo);
    cosH = ddHi;
    cosL = ddLo;
  }
}

/** 2/pi * 2^TWO_OVER_PI_BITS, computed on first use (for arguments of 1.6e6 and more) */
const TWO_OVER_PI_BITS = 1300;
let twoOverPi: bigint | null = null;

function twoOverPiBits(): bigint {
  if (twoOverPi === null) {
    // pi = 16 atan(1/5) - 4 atan(1/239) in fixed point with Q fractional bits
    const Q = BigInt(TWO_OVER_PI_BITS + 64);
    const one = 1n << Q;
    const atanInv = (n: bigint): bigint => {
      let term = one / n;
      let sum = 0n;
      let k = 1n;
      let sign = 1n;
      const n2 = n * n;
      while (term !== 0n) {
        sum += sign * (term / k);
        term /= n2;
        k += 2n;
        sign = -sign;
      }
      return sum;
    };
    const pi = 16n * atanInv(5n) - 4n * atanInv(239n);
    twoOverPi = (1n << (BigInt(TWO_OVER_PI_BITS + 1) + Q)) / pi;
  }
  return twoOverPi;
}

/**
 * x - k pi/2 for a large finite x (Payne-Hanek with exact integers): x (2/pi) in fixed point,
 * k its nearest integer, the rest times pi/2 in ddHi/ddLo; returns k mod 4.
 */
function reduceLarge(x: number): number {
  nanView.setFloat64(0, Math.abs(x));
  const hi = nanView.getUint32(0);
  const lo = nanView.getUint32(4);
  const e = ((hi >>> 20) & 0x7ff) - 1075; // |x| = m 2^e
  const m = (BigInt((hi & 0xfffff) | 0x100000) << 32n) | BigInt(lo);
  // y = |x| 2/pi = W / 2^S
  const W = m * twoOverPiBits();
  const S = BigInt(TWO_OVER_PI_BITS - e);
  const J = (W + (1n << (S - 1n))) >> S;
  const frac = W - (J << S); // |frac| <= 2^(S-1)
  // the fraction to a double-double: its top 106 significant bits (it may be tiny when x is
  // close to a multiple of pi/2)
  const bits = BigInt((frac < 0n ? -frac : frac).toString(2).length);
  const shift = bits > 106n ? bits - 106n : 0n;
  const top = frac >> shift;
  const fh = Number(top);
  const fl = Number(top - BigInt(fh));
  const scale = Math.pow(2, Number(shift - S));
  ddMul(fh * scale, fl * scale, PIO2_HI, PIO2_LO);
  let k = Number(J & 3n);
  if (x < 0) {
    ddHi = -ddHi;
    ddLo = -ddLo;
    k = (4 - k) & 3;
  }
  return k;
}

/** sin or cos (which: 0 sin, 1 cos), correctly rounded except in extremely rare cases */
function crSinCos(x: number, which: number): number {
  const ax = Math.abs(x);
  if (!(ax < Infinity)) return which === 0 ? Math.sin(x) : Math.cos(x); // NaN, inf
  if (ax < 7.450580596923828e-9) return which === 0 ? x : 1; // |x| < 2^-27
  let k: number;
  if (ax < TRIG_MAX) {
    k = Math.round(x * INV_PIO2);
    reducePio2(x, k);
  } else {
    k = reduceLarge(x);
  }
  const q = ((k % 4) + 4 + which) % 4; // cos x = sin(x + pi/2)
  sinCosKernel(ddHi, ddLo, (q & 1) === 0, (q & 1) === 1);
  switch (q) {
    case 0: return sinH + sinL;
    case 1: return cosH + cosL;
    case 2: return -(sinH + sinL);
    default: return -(cosH + cosL);
  }
}

export function _crSin(x: number): number {
  return crSinCos(x, 0);
}

export function _crCos(x: number): number {
  return crSinCos(x, 1);
}

/** tan x = sin r / cos r (or -cos r / sin r for odd k), divided in double-double */
export function _crTan(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < Infinity)) return Math.tan(x);
  if (ax < 7.450580596923828e-9) return x;
  let k: number;
  if (ax < TRIG_MAX) {
    k = Math.round(x * INV_PIO2);
    reducePio2(x, k);
  } else {
    k = reduceLarge(x);
  }
  sinCosKernel(ddHi, ddLo, true, true);
  let nh = sinH;
  let nl = sinL;
  let dh = cosH;
  let dl = cosL;
  if ((k & 1) !== 0) {
    nh = -cosH;
    nl = -cosL;
    dh = sinH;
    dl = sinL;
  }
  const qh = nh / dh;
  twoProd(qh, dh);
  const ql = ((nh - ddHi) - ddLo + nl - qh * dl) / dh;
  return qh + ql;
}

// ---- correctly rounded atan, asin, acos -------------------------------------------------
//
// The same for the inverse functions: atan t = atan(j/8) + atan(u), u = (t - j/8) / (1 + t j/8)
// (|u| <= 1/16), with the series for atan u; asin and acos through atan and square roots,
// all in double-double. glibc's are close to correctly rounded (not always exactly).

const PI_HI = 3.141592653589793;
const PI_LO = 1.2246467991473532e-16;
const PIO2_HI = 1.5707963267948966;
const PIO2_LO = 6.123233995736766e-17;
/** atan(j/8), j = 0..8, as double-doubles */
const ATAN_HI = [0, 0.12435499454676144, 0.24497866312686414, 0.35877067027057225, 0.4636476090008061,
  0.5585993153435624, 0.6435011087932844, 0.7188299996216245, 0.7853981633974483];
const ATAN_LO = [0, -3.1253241424539383e-18, 1.0698755618734451e-17, -2.4623815582638635e-17,
  2.2698777452961687e-17, -5.4556305485916264e-18, 1.5834785051444286e-17, -2.1478388444456983e-17,
  3.061616997868383e-17];
/** 1/5, 1/7, ... 1/25 with alternating use in the atan series tail */
const ATAN_TAIL: number[] = [];
for (let d = 5; d <= 25; d += 2) ATAN_TAIL.push(1 / d);

/** (ah, al) / (bh, bl) into ddHi, ddLo */
function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q = ah / bh;
  twoProd(q, bh);
  const r = ((ah - ddHi) - ddLo + al - q * bl) / bh;
  twoSum(q, r);
}

/** sqrt(ah + al) into ddHi, ddLo (ah > 0) */
function ddSqrt(ah: number, al: number): void {
  const s = Math.sqrt(ah);
  twoProd(s, s);
  const c = ((ah - ddHi) - ddLo + al) / (2 * s);
  twoSum(s, c);
}

/** atan(th + tl) for th >= 0 (not tiny: th >= 2^-30 or so), into ddHi, ddLo */
function ddAtan(th: number, tl: number): void {
  let invert = false;
  if (th > 1) {
    invert = true;
    ddDiv(1, 0, th, tl);
    th = ddHi;
    tl = ddLo;
  }
  const j = Math.round(th * 8);
  const c = j / 8;
  // u = (t - c) / (1 + t c)
  twoSum(th, -c);
  const nh = ddHi;
  const nl = ddLo + tl;
  twoProd(th, c);
  const ph = ddHi;
  const pl = ddLo + tl * c;
  twoSum(1, ph);
  const dh = ddHi;
  const dl = ddLo + pl;
  ddDiv(nh, nl, dh, dl);
  const uh = ddHi;
  const ul = ddLo;
  // atan u = u - u^3/3 + u^5 (1/5 - u^2/7 + ...)
  twoProd(uh, uh);
  const zh = ddHi;
  const zl = ddLo + 2 * uh * ul;
  let tail = 0;
  for (let n = ATAN_TAIL.length - 1; n >= 0; n--) tail = ATAN_TAIL[n] - zh * tail;
  tail *= uh * zh * zh;
  ddMul(uh, ul, zh, zl);
  ddDivSmall(ddHi, ddLo, 3);
  ddAdd(uh, ul + tail, -ddHi, -ddLo);
  ddAdd(ATAN_HI[j], ATAN_LO[j], ddHi, ddLo);
  if (invert) ddAdd(PIO2_HI, PIO2_LO, -ddHi, -ddLo);
}

export function _crAtan(x: number): number {
  const ax = Math.abs(x);
  if (!(ax >= 7.450580596923828e-9 && ax < 9007199254740992)) return Math.atan(x); // tiny, huge, NaN
  ddAtan(ax, 0);
  const r = ddHi + ddLo;
  return x < 0 ? -r : r;
}

/** atan2 for finite nonzero y and x; Math.atan2 for the special cases of C99 */
export function _crAtan2(y: number, x: number): number {
  if (y === 0 || x === 0 || !isFinite(y) || !isFinite(x)) return Math.atan2(y, x);
  const ay = Math.abs(y);
  const ax = Math.abs(x);
  const q = ay / ax;
  let rh: number;
  let rl: number;
  if (q < 7.450580596923828e-9) {
    // atan q = q - q^3/3: the exact quotient as a double-double, less the cube term
    if (ay < 1e-290 || ax > 1e290) return x > 0 ? y / x : y < 0 ? -Math.PI : Math.PI;
    twoProd(q, ax);
    rh = q;
    rl = ((ay - ddHi) - ddLo) / ax - (q * q * q) / 3;
    if (x > 0) {
      const r = rh + rl;
      return y < 0 ? -r : r;
    }
  } else if (q > 9007199254740992) {
    twoSum(PIO2_HI, -ax / ay);
    rh = ddHi;
    rl = ddLo + PIO2_LO;
  } else {
    twoProd(q, ax);
    ddAtan(q, ((ay - ddHi) - ddLo) / ax);
    rh = ddHi;
    rl = ddLo;
  }
  if (x < 0) {
    ddAdd(PI_HI, PI_LO, -rh, -rl);
    rh = ddHi;
    rl = ddLo;
  }
  const r = rh + rl;
  return y < 0 ? -r : r;
}

/** asin(sh + sl) for 0 < sh < 1, into ddHi, ddLo: atan(s / sqrt(1 - s^2)) */
function ddAsin(sh: number, sl: number): void {
  twoProd(sh, sh);
  const ph = ddHi;
  const pl = ddLo + 2 * sh * sl;
  twoSum(1, -ph);
  ddSqrt(ddHi, ddLo - pl);
  ddDiv(sh, sl, ddHi, ddLo);
  ddAtan(ddHi, ddLo);
}

export function _crAsin(x: number): number {
  const ax = Math.abs(x);
  if (!(ax >= 7.450580596923828e-9 && ax < 1)) {
    if (ax === 1) return x > 0 ? PIO2_HI : -PIO2_HI;
    return Math.asin(x); // tiny (asin x = x), NaN, out of range
  }
  ddAsin(ax, 0);
  const r = ddHi + ddLo;
  return x < 0 ? -r : r;
}

export function _crAcos(x: number): number {
  const ax = Math.abs(x);
  if (!(ax <= 1)) return Math.acos(x); // NaN, out of range
  if (x === 1) return 0;
  if (x === -1) return PI_HI;
  if (ax < 7.450580596923828e-9) return PIO2_HI; // pi/2 - x rounds to pi/2
  if (ax <= 0.5) {
    ddAsin(ax, 0);
    ddAdd(PIO2_HI, PIO2_LO, x > 0 ? -ddHi : ddHi, x > 0 ? -ddLo : ddLo);
    return ddHi + ddLo;
  }
  // acos x = 2 asin(sqrt((1 - |x|) / 2)), and pi minus that for negative x
  ddSqrt((1 - ax) / 2, 0); // 1 - ax and the halving are exact
  ddAsin(ddHi, ddLo);
  let rh = 2 * ddHi;
  let rl = 2 * ddLo;
  if (x < 0) {
    ddAdd(PI_HI, PI_LO, -rh, -rl);
    rh = ddHi;
    rl = ddLo;
  }
  return rh + rl;
}

// ---- argument helpers ----------------------------------------------------------------------

type MathFn = (L: LuaThread, base: number, nargs: number) => number;

/** lua_isinteger: an integer-typed number (strings are not). */
function isIntArg(v: LuaValue): boolean {
  return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
}

function checkFloat(L: LuaThread, base: number, nargs: number, narg: number): number {
  const v = L.stack[base + narg - 1];
  if (narg <= nargs && typeof v === 'number') return v;
  return numToFloat(checkNumber(L, base, nargs, narg));
}

/** A float result as a Lua value (integral values boxed). */
function pushFloat(L: LuaThread, base: number, r: number): number {
  L.stack[base] = mkfloat(r);
  return 1;
}

/** A float that is an integer value: as an integer when it fits 64 bits, else as a float. */
function floatToLuaInt(f: number): LuaValue {
  const i = floatToInt(f);
  return i !== undefined ? i : mkfloat(f);
}

/**
 * A function of one float argument giving a float. With `nan`, a NaN result becomes as nan1
 * makes it (a NaN argument propagates, else `nan`); without, results are kept as they are.
 */
function floatFn(fn: (x: number) => number, nan?: number): MathFn {
  return (L, base, nargs) => {
    const x = checkFloat(L, base, nargs, 1);
    const r = fn(x);
    return pushFloat(L, base, nan === undefined ? r : nan1(r, x, nan));
  };
}

// ---- functions ----------------------------------------------------------------------------

function mathAbs(L: LuaThread, base: number, nargs: number): number {
  const v = L.stack[base];
  if (nargs >= 1 && typeof v === 'number' && Number.isInteger(v)) {
    L.stack[base] = v < 0 ? -v : v;
    return 1;
  }
  if (nargs >= 1 && typeof v === 'bigint') {
    L.stack[base] = v < 0n ? wrapInt(-v) : v;
    return 1;
  }
  const x = checkFloat(L, base, nargs, 1);
  return pushFloat(L, base, x !== x ? POS_NAN : Math.abs(x));
}

/** math.floor and math.ceil: an integer stays, a float is rounded (an integer if it fits). */
function rounding(round: (x: number) => number): MathFn {
  return (L, base, nargs) => {
    if (nargs >= 1 && isIntArg(L.stack[base])) return 1;
    const x = checkFloat(L, base, nargs, 1);
    L.stack[base] = x !== x ? x : floatToLuaInt(round(x));
    return 1;
  };
}

function mathFmod(L: LuaThread, base: number, nargs: number): number {
  const s = L.stack;
  const a = s[base];
  const b = s[base + 1];
  if (nargs >= 2 && isIntArg(a) && isIntArg(b)) {
    if (b === 0) argError(L, 2, 'zero');
    if (b === -1) {
      s[base] = 0; // avoids the overflow of mininteger % -1
    } else if (typeof a === 'number' && typeof b === 'number') {
      s[base] = (a % b) + 0; // C's truncating remainder; + 0 turns -0 into 0
    } else {
      s[base] = normInt(BigInt(a) % BigInt(b));
    }
    return 1;
  }
  // the reference checks the second argument first
  const y = checkFloat(L, base, nargs, 2);
  const x = checkFloat(L, base, nargs, 1);
  return pushFloat(L, base, nan2(x % y, x, y));
}

function mathModf(L: LuaThread, base: number, nargs: number): number {
  const s = L.stack;
  if (nargs >= 1 && isIntArg(s[base])) {
    s[base + 1] = new LuaFloat(0);
    return 2;
  }
  const x = checkFloat(L, base, nargs, 1);
  if (x !== x) {
    s[base] = x;
    s[base + 1] = x;
    return 2;
  }
  const ip = x < 0 ? Math.ceil(x) : Math.floor(x);
  s[base] = floatToLuaInt(ip);
  s[base + 1] = mkfloat(x === ip ? 0 : x - ip);
  return 2;
}

/** log10 as glibc's: the NaN for a negative argument is positive. */
function log10(x: number): number {
  return nan1(_log10(x), x, POS_NAN);
}

function mathLog(L: LuaThread, base: number, nargs: number): number {
  const x = checkFloat(L, base, nargs, 1);
  let r: number;
  if (nargs < 2 || L.stack[base + 1] === undefined) {
    r = nan1(_crLog(x), x);
  } else {
    const b = checkFloat(L, base, nargs, 2);
    if (b === 2) r = nan1(_crLog2(x), x);
    else if (b === 10) r = log10(x);
    else {
      const lx = nan1(_crLog(x), x);
      const lb = nan1(_crLog(b), b);
      r = nan2(lx / lb, lx, lb);
    }
  }
  return pushFloat(L, base, r);
}

function mathAtan(L: LuaThread, base: number, nargs: number): number {
  const y = checkFloat(L, base, nargs, 1);
  const x = nargs >= 2 && L.stack[base + 1] !== undefined ? checkFloat(L, base, nargs, 2) : 1;
  const r = x === 1 ? _crAtan(y) : _crAtan2(y, x);
  return pushFloat(L, base, nan2(r, x, y)); // glibc returns x + y for NaNs
}

function mathToInteger(L: LuaThread, base: number, nargs: number): number {
  const v = L.stack[base];
  if (nargs >= 1 && typeof v === 'number' && Number.isInteger(v)) return 1;
  const i = nargs >= 1 ? toIntegerCoerce(v) : undefined;
  if (i === undefined) checkAny(L, base, nargs, 1);
  L.stack[base] = i;
  return 1;
}

function mathType(L: LuaThread, base: number, nargs: number): number {
  const v = checkAny(L, base, nargs, 1);
  L.stack[base] = isIntArg(v) ? 'integer' : typeof v === 'number' || v instanceof LuaFloat ? 'float' : undefined;
  return 1;
}

function mathUlt(L: LuaThread, base: number, nargs: number): number {
  const a = checkInteger(L, base, nargs, 1);
  const b = checkInteger(L, base, nargs, 2);
  if (typeof a === 'number' && typeof b === 'number' && a >= 0 && b >= 0) {
    L.stack[base] = a < b;
  } else {
    L.stack[base] = BigInt.asUintN(64, BigInt(a)) < BigInt.asUintN(64, BigInt(b));
  }
  return 1;
}

// ---- max / min: compare with `<`, so strings and __lt work as in the reference -------------

function makeMinMax(name: string, isMax: boolean): NativeFunction {
  const fast = (L: LuaThread, base: number, nargs: number): number => {
    if (nargs < 1) argError(L, 1, 'value expected');
    const s = L.stack;
    let best = s[base];
    for (let i = 1; i < nargs; i++) {
      const v = s[base + i];
      const lt = isMax ? rawLess(best, v) : rawLess(v, best);
      if (lt === null) return -1;
      if (lt) best = v;
    }
    s[base] = best;
    return 1;
  };
  const gen = function* (L: LuaThread, base: number, nargs: number): Generator<CallRequest, number, LuaValue> {
    const args = L.stack.slice(base, base + nargs);
    let best = args[0];
    for (let i = 1; i < nargs; i++) {
      const v = args[i];
      const lt = isMax ? yield* lessThanGen(L, best, v) : yield* lessThanGen(L, v, best);
      if (lt) best = v;
    }
    L.stack[base] = best;
    return 1;
  };
  return new NativeFunction(name, fast, gen, SPECIAL.NONE, null);
}

// ---- 5.3 compatibility functions -----------------------------------------------------------

function mathPow(L: LuaThread, base: number, nargs: number): number {
  const x = checkFloat(L, base, nargs, 1);
  const y = checkFloat(L, base, nargs, 2);
  return pushFloat(L, base, nan2(cpow(x, y), x, y));
}

/**
 * cosh and sinh as glibc computes them (fdlibm's formulas): through expm1 for small |x|,
 * through exp above, so that with a correctly rounded exp the results agree with it.
 */
function cosh(x: number): number {
  const a = Math.abs(x);
  if (a !== a) return x;
  if (a < 0.34657359027997264) {
    if (a < 5.551115123125783e-17) return 1; // 2^-54
    const t = Math.expm1(a);
    const w = 1 + t;
    return 1 + (t * t) / (w + w);
  }
  if (a < 22) {
    const t = _crExp(a);
    return 0.5 * t + 0.5 / t;
  }
  if (a < 709.782712893384) return 0.5 * _crExp(a);
  if (a <= 710.4758600739439) {
    const w = _crExp(0.5 * a);
    return 0.5 * w * w;
  }
  return Infinity;
}

function sinh(x: number): number {
  const a = Math.abs(x);
  const h = x < 0 ? -0.5 : 0.5;
  if (a !== a) return x;
  if (a < 22) {
    if (a < 3.725290298461914e-9) return x; // 2^-28
    const t = Math.expm1(a);
    if (a < 1) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (a < 709.782712893384) return h * _crExp(a);
  if (a <= 710.4758600739439) {
    const w = _crExp(0.5 * a);
    return h * w * w;
  }
  return x * Infinity;
}

/** x = m * 2^e with 0.5 <= |m| < 1 (m = x, e = 0 for zero, inf and NaN). Exact. */
export function _frexp(x: number): [number, number] {
  if (x === 0 || x !== x || x === Infinity || x === -Infinity) return [x, 0];
  nanView.setFloat64(0, x);
  const hi = nanView.getUint32(0);
  let bexp = (hi >>> 20) & 0x7ff;
  let e = 0;
  if (bexp === 0) {
    // subnormal: scale into the normal range first
    x *= 18014398509481984; // 2^54
    e = -54;
    nanView.setFloat64(0, x);
    bexp = (nanView.getUint32(0) >>> 20) & 0x7ff;
  }
  e += bexp - 1022;
  // set the biased exponent to 1022 (|m| in [0.5, 1))
  nanView.setUint32(0, (nanView.getUint32(0) & 0x800fffff) | (1022 << 20));
  return [nanView.getFloat64(0), e];
}

/** m * 2^e rounded once, as C's ldexp. */
export function _ldexp(m: number, e: number): number {
  if (m === 0 || m !== m || m === Infinity || m === -Infinity) return m;
  const fr = _frexp(m);
  const f = fr[0]; // 0.5 <= |f| < 1
  const ne = fr[1] + e; // result = f * 2^ne
  if (ne > 1024) return f > 0 ? Infinity : -Infinity;
  if (ne >= -1021) {
    // normal result: exact
    return f * 2 * Math.pow(2, ne - 1);
  }
  if (ne < -1074) return f > 0 ? 0 : -0; // below half the smallest subnormal
  // subnormal result: an exact scaling, then one rounding in the multiplication by 2^-1074
  return (f * Math.pow(2, ne + 1074)) * 5e-324;
}

function mathFrexp(L: LuaThread, base: number, nargs: number): number {
  const r = _frexp(checkFloat(L, base, nargs, 1));
  pushFloat(L, base, r[0]);
  L.stack[base + 1] = r[1];
  return 2;
}

function mathLdexp(L: LuaThread, base: number, nargs: number): number {
  const m = checkFloat(L, base, nargs, 1);
  const e = checkInteger(L, base, nargs, 2);
  // the exponent is converted to a C int (wrapping)
  const ei = typeof e === 'number' ? e | 0 : Number(BigInt.asIntN(32, e));
  return pushFloat(L, base, _ldexp(m, ei));
}

// ---- random --------------------------------------------------------------------------------

/** A seed the program cannot predict (time and Math.random bits). */
function randomSeeds(): [bigint, bigint] {
  const t = BigInt(Date.now());
  const r1 = BigInt(Math.floor(Math.random() * 4294967296));
  const r2 = BigInt(Math.floor(Math.random() * 4294967296));
  return [BigInt.asIntN(64, t ^ (r1 << 20n)), BigInt.asIntN(64, (r2 << 32n) | r1)];
}

/** math.random and math.randomseed on the generator rng. */
function randomFns(rng: Xoshiro256): [string, MathFn][] {
  const random: MathFn = (L, base, nargs) => {
    rng.next(); // drawn before the arguments are checked, as the reference does
    let low: number | bigint;
    let up: number | bigint;
    switch (nargs) {
      case 0:
        return pushFloat(L, base, rng.toFloat());
      case 1:
        low = 1;
        up = checkInteger(L, base, nargs, 1);
        if (up === 0) {
          L.stack[base] = normInt(rng.toInt64());
          return 1;
        }
        break;
      case 2:
        low = checkInteger(L, base, nargs, 1);
        up = checkInteger(L, base, nargs, 2);
        break;
      default:
        nativeError(L, 'wrong number of arguments');
    }
    if (!(low <= up)) argError(L, 1, 'interval is empty');
    if (typeof low === 'number' && typeof up === 'number' && up - low < 4294967296) {
      L.stack[base] = low + rng.projectSmall(up - low);
    } else {
      const bl = BigInt(low);
      const r = rng.projectBig(BigInt.asUintN(64, BigInt(up) - bl));
      L.stack[base] = wrapInt(bl + r);
    }
    return 1;
  };
  const randomseed: MathFn = (L, base, nargs) => {
    let n1: bigint;
    let n2: bigint;
    if (nargs === 0) {
      [n1, n2] = randomSeeds();
    } else {
      n1 = BigInt(checkInteger(L, base, nargs, 1));
      n2 = BigInt(optInteger(L, base, nargs, 2, 0));
    }
    rng.seed(n1, n2);
    L.stack[base] = normInt(n1);
    L.stack[base + 1] = normInt(n2);
    return 2;
  };
  return [['random', random], ['randomseed', randomseed]];
}

export function openMath(vm: LuaVM): void {
  const M = new LuaTable();
  const rng = new Xoshiro256();
  rng.seed(...randomSeeds());
  const fns: [string, MathFn][] = [
    ['abs', mathAbs], ['ceil', rounding(Math.ceil)], ['floor', rounding(Math.floor)], ['fmod', mathFmod],
    ['modf', mathModf], ['sqrt', floatFn(Math.sqrt, DEFAULT_NAN)], ['exp', floatFn(_crExp, DEFAULT_NAN)],
    ['log', mathLog], ['sin', floatFn(_crSin, DEFAULT_NAN)], ['cos', floatFn(_crCos, DEFAULT_NAN)],
    ['tan', floatFn(_crTan, DEFAULT_NAN)],
    // out of [-1, 1], glibc's NaN is positive
    ['asin', floatFn(_crAsin, POS_NAN)], ['acos', floatFn(_crAcos, POS_NAN)],
    ['deg', floatFn((x) => x * (180 / Math.PI))], ['rad', floatFn((x) => x * (Math.PI / 180))],
    ['tointeger', mathToInteger], ['type', mathType], ['ult', mathUlt],
    // 5.3 compatibility
    ['pow', mathPow], ['cosh', floatFn(cosh, DEFAULT_NAN)], ['sinh', floatFn(sinh, DEFAULT_NAN)],
    ['tanh', floatFn(Math.tanh, DEFAULT_NAN)], ['log10', floatFn(log10)], ['frexp', mathFrexp], ['ldexp', mathLdexp],
  ];
  for (const [name, fn] of fns) M.setStr(name, nativeFn(name, fn));
  // one function under both names, as in the reference (math.atan == math.atan2)
  const atan = nativeFn('atan', mathAtan);
  M.setStr('atan', atan);
  M.setStr('atan2', atan);
  M.setStr('max', makeMinMax('max', true));
  M.setStr('min', makeMinMax('min', false));
  M.setStr('pi', Math.PI);
  M.setStr('huge', Infinity);
  M.setStr('maxinteger', 9223372036854775807n);
  M.setStr('mininteger', -9223372036854775808n);
  for (const [name, fn] of randomFns(rng)) M.setStr(name, nativeFn(name, fn));
  vm.globals.setStr('math', M);
  vm.loaded.setStr('math', M);
}
