/**
 * Conversion of Lua numeral text to a number, with the acceptance rules of the reference
 * `lua_stringtonumber` (used by `tonumber`, by string->number coercions and by the lexer).
 *
 * Accepted text (manual §3.1, §3.4.3), all of it, with nothing left over:
 *   [space] [sign] decimal-or-hex [space]
 *   space   = any of ' ' \t \n \v \f \r (C isspace)
 *   sign    = '-' | '+'
 *   decimal = digits ['.' [digits]] [exponent] | '.' digits [exponent]
 *             exponent = ('e'|'E') [sign] digits
 *   hex     = '0' ('x'|'X') (xdigits ['.' [xdigits]] | '.' xdigits) [('p'|'P') [sign] digits]
 *
 * Classification, as the reference does it:
 * - decimal without '.'/exponent: an integer, unless it does not fit in a signed 64-bit
 *   integer (then a float, correctly rounded);
 * - hex without '.'/exponent: always an integer, wrapped modulo 2^64;
 * - anything else: a float (correctly rounded; overflow gives +-inf, underflow 0).
 * `inf`, `nan`, `0b...`, '_' separators, and embedded NULs are rejected.
 *
 * Results: integers are a JS number when |v| <= 2^53-1, otherwise a bigint that is always
 * inside the signed 64-bit range; integer zero is +0 (never -0). Floats are JS numbers.
 *
 * Performance: the common short-decimal case walks the string once with charCodeAt and
 * allocates only the result object. Long mantissas and hex floats with more than 53
 * significant bits take a slow path (substring + Number/BigInt).
 *
 * This module imports nothing (src/util is a leaf).
 */

export interface NumberResult {
  readonly isInt: boolean;
  readonly value: number | bigint;
}

/** largest integer m with m * 10 + 9 still exactly representable */
const DEC_ACC_LIMIT = 900719925474098; // floor((2^53 - 1 - 9) / 10)
/** largest accumulator value v with v * 16 + 15 still exactly representable */
const HEX_ACC_LIMIT = 562949953421311; // floor((2^53 - 1 - 15) / 16)
const MAX_SAFE = 9007199254740991;
/** exact powers of ten representable as doubles (10^0 .. 10^22), for the fast float path */
const POW10: readonly number[] = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];
/**
 * exponent digits stop accumulating here: still exact in a double, and far beyond any
 * exponent a numeral of at most 2^30 digits can bring back into the double range
 */
const EXP_CLAMP = 1e15;

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** C isspace in the "C" locale: ' ' \t \n \v \f \r */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** value of a hex digit, or -1 */
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48; // '0'..'9'
  const l = c | 32; // ASCII lower case
  if (l >= 97 && l <= 102) return l - 87; // 'a'..'f'
  return -1;
}

/** Integer result, normalised: a number when it is a safe integer, otherwise a bigint. */
function intResult(v: bigint): NumberResult {
  if (v >= -9007199254740991n && v <= 9007199254740991n) return { isInt: true, value: Number(v) };
  return { isInt: true, value: v };
}

/**
 * Converts `s` (a byte string) as `tonumber(s)` does; null when it is not a numeral.
 */
export function str2number(s: string): NumberResult | null {
  return str2numberRange(s, 0, s.length);
}

/**
 * Same as str2number on `s.slice(start, end)`, without making the substring (the lexer
 * converts numerals in place).
 */
export function str2numberRange(s: string, start: number, end: number): NumberResult | null {
  let p = start;
  while (p < end && isSpace(s.charCodeAt(p))) p++;
  let neg = false;
  let c = p < end ? s.charCodeAt(p) : -1;
  if (c === 45) { // '-'
    neg = true;
    p++;
  } else if (c === 43) { // '+'
    p++;
  }
  // trim trailing spaces once, so the scanners below just check `p === stop`
  let stop = end;
  while (stop > p && isSpace(s.charCodeAt(stop - 1))) stop--;
  if (p >= stop) return null;
  if (s.charCodeAt(p) === 48 && p + 1 < stop && (s.charCodeAt(p + 1) | 32) === 120) { // "0x"
    return scanHex(s, p + 2, stop, neg);
  }
  return scanDecimal(s, p, stop, neg);
}

/**
 * decimal = digits ['.' [digits]] [exponent] | '.' digits [exponent], filling [p, stop).
 * `p` is just after the sign.
 */
function scanDecimal(s: string, p: number, stop: number, neg: boolean): NumberResult | null {
  const numStart = p;
  let m = 0; // mantissa digits accumulated while exact
  let exact = true; // m holds every significant digit
  let droppedExp = 0; // integer digits not accumulated once m is full
  let digits = 0;
  let c = s.charCodeAt(p);
  while (c >= 48 && c <= 57) { // '0'..'9'
    if (m <= DEC_ACC_LIMIT) m = m * 10 + (c - 48);
    else {
      exact = false;
      droppedExp++;
    }
    digits++;
    p++;
    c = p < stop ? s.charCodeAt(p) : -1;
  }
  let isInt = true;
  let fracDigits = 0;
  if (c === 46) { // '.'
    isInt = false;
    p++;
    c = p < stop ? s.charCodeAt(p) : -1;
    while (c >= 48 && c <= 57) {
      if (m <= DEC_ACC_LIMIT) {
        m = m * 10 + (c - 48);
        fracDigits++;
      } else if (c !== 48) {
        exact = false;
      }
      digits++;
      p++;
      c = p < stop ? s.charCodeAt(p) : -1;
    }
  }
  if (digits === 0) return null;
  let exp = 0;
  if ((c | 32) === 101) { // 'e' or 'E'
    isInt = false;
    p++;
    c = p < stop ? s.charCodeAt(p) : -1;
    let eneg = false;
    if (c === 45 || c === 43) { // '-' '+'
      eneg = c === 45;
      p++;
      c = p < stop ? s.charCodeAt(p) : -1;
    }
    if (!(c >= 48 && c <= 57)) return null;
    while (c >= 48 && c <= 57) {
      if (exp < EXP_CLAMP) exp = exp * 10 + (c - 48);
      p++;
      c = p < stop ? s.charCodeAt(p) : -1;
    }
    if (eneg) exp = -exp;
  }
  if (p !== stop) return null;
  if (isInt) {
    if (exact) return { isInt: true, value: neg ? (m === 0 ? 0 : -m) : m };
    // more digits than a double holds: exact 64-bit check, else a float (like the reference)
    const big = BigInt(s.slice(numStart, stop));
    const v = neg ? -big : big;
    if (v >= INT64_MIN && v <= INT64_MAX) return intResult(v);
    return { isInt: false, value: neg ? -Number(s.slice(numStart, stop)) : Number(s.slice(numStart, stop)) };
  }
  // float: exact mantissa times an exact power of ten rounds once (correctly)
  const e10 = exp + droppedExp - fracDigits;
  if (exact && m <= MAX_SAFE && e10 >= -22 && e10 <= 22) {
    const v = e10 >= 0 ? m * POW10[e10]! : m / POW10[-e10]!;
    return { isInt: false, value: neg ? -v : v };
  }
  // JS number parsing accepts exactly this syntax ("5.", ".5", "1e+5") and rounds correctly
  const v = Number(s.slice(numStart, stop));
  return { isInt: false, value: neg ? -v : v };
}

/**
 * hex = (xdigits ['.' [xdigits]] | '.' xdigits) [('p'|'P') [sign] digits], filling [p, stop).
 * `p` is just after "0x".
 */
function scanHex(s: string, p: number, stop: number, neg: boolean): NumberResult | null {
  const digitsStart = p;
  let m = 0; // accumulated while exact
  let exact = true;
  let scale = 0; // binary exponent adjustment for digits not accumulated / fraction digits
  let digits = 0;
  let c = p < stop ? s.charCodeAt(p) : -1;
  let d = hexValue(c);
  while (d >= 0) {
    if (m <= HEX_ACC_LIMIT) m = m * 16 + d;
    else exact = false;
    digits++;
    p++;
    c = p < stop ? s.charCodeAt(p) : -1;
    d = hexValue(c);
  }
  const intEnd = p;
  let isInt = true;
  if (c === 46) { // '.'
    isInt = false;
    p++;
    c = p < stop ? s.charCodeAt(p) : -1;
    d = hexValue(c);
    while (d >= 0) {
      if (m <= HEX_ACC_LIMIT) {
        m = m * 16 + d;
        scale -= 4;
      } else if (d !== 0) {
        exact = false;
      }
      digits++;
      p++;
      c = p < stop ? s.charCodeAt(p) : -1;
      d = hexValue(c);
    }
  }
  if (digits === 0) return null;
  const mantEnd = p;
  let exp = 0;
  if ((c | 32) === 112) { // 'p' or 'P'
    isInt = false;
    p++;
    c = p < stop ? s.charCodeAt(p) : -1;
    let eneg = false;
    if (c === 45 || c === 43) { // '-' '+'
      eneg = c === 45;
      p++;
      c = p < stop ? s.charCodeAt(p) : -1;
    }
    if (!(c >= 48 && c <= 57)) return null;
    while (c >= 48 && c <= 57) {
      if (exp < EXP_CLAMP) exp = exp * 10 + (c - 48);
      p++;
      c = p < stop ? s.charCodeAt(p) : -1;
    }
    if (eneg) exp = -exp;
  }
  if (p !== stop) return null;
  if (isInt) {
    // hexadecimal integers wrap around modulo 2^64 (§3.1)
    if (exact) return { isInt: true, value: neg ? (m === 0 ? 0 : -m) : m };
    const big = BigInt('0x' + s.slice(digitsStart, intEnd));
    return intResult(BigInt.asIntN(64, neg ? -big : big));
  }
  let v: number;
  if (exact) {
    v = scaleByPow2(m, exp + scale);
  } else {
    // slow path: the whole mantissa as a bigint, rounded once to a double
    let text = '';
    let fracCount = 0;
    for (let i = digitsStart; i < mantEnd; i++) {
      const ch = s.charCodeAt(i);
      if (ch === 46) continue;
      if (i > intEnd) fracCount++;
      text += s[i];
    }
    v = bigTimesPow2(BigInt('0x' + text), exp - 4 * fracCount);
  }
  return { isInt: false, value: neg ? -v : v };
}

/** POW2[k + 1074] = 2^k exactly, for k in [-1074, 1023] */
const POW2: readonly number[] = (() => {
  const t: number[] = new Array<number>(2098).fill(0);
  let x = 1;
  for (let k = 0; k <= 1023; k++) {
    t[k + 1074] = x;
    x *= 2;
  }
  x = 1;
  for (let k = 0; k >= -1074; k--) {
    t[k + 1074] = x;
    x /= 2;
  }
  return t;
})();

/** m * 2^e, rounded once; m is a non-negative integer below 2^53 */
function scaleByPow2(m: number, e: number): number {
  if (m === 0) return 0;
  if (e >= -1022 && e <= 1023) return m * POW2[e + 1074]!; // one rounding at most (subnormal)
  // bring m to [0.5, 1) first (exact), then apply the rest of the exponent
  let b = 0;
  let mm = m;
  while (mm >= 1) {
    mm /= 2;
    b++;
  }
  const k = e + b; // value = mm * 2^k
  if (k > 1024) return Infinity;
  if (k === 1024) return mm * POW2[1023 + 1074]! * 2;
  if (k < -1074) return 0; // below half the smallest subnormal
  return mm * POW2[k + 1074]!;
}

/** m * 2^e correctly rounded (round half to even); m is a non-negative bigint */
function bigTimesPow2(m: bigint, e: number): number {
  if (m === 0n) return 0;
  const bits = m.toString(2).length;
  // exponent of the leading bit of the result
  const top = e + bits - 1;
  if (top > 1023) return Infinity;
  // number of significant bits the result can keep (fewer when subnormal)
  let keep = 53;
  if (top < -1022) keep = 53 - (-1022 - top);
  if (keep <= 0) {
    // below the smallest subnormal: rounds to 0 or to 2^-1074
    if (keep === 0) {
      // value in [2^-1075, 2^-1074): ties (exactly 2^-1075) go to even (0)
      const isHalf = m === 1n << BigInt(bits - 1);
      return isHalf ? 0 : POW2[0]!;
    }
    return 0;
  }
  if (bits <= keep) return scaleByPow2(Number(m), e);
  const drop = BigInt(bits - keep);
  let q = m >> drop;
  const rem = m - (q << drop);
  const half = 1n << (drop - 1n);
  if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  // q has at most 54 bits (carry), exactly representable; the scaling is exact
  const qe = e + Number(drop);
  const qn = Number(q);
  if (qe + (q.toString(2).length - 1) > 1023) return Infinity;
  return scaleByPow2Exact(qn, qe);
}

/** qn * 2^e where the result is known to be representable (no rounding happens) */
function scaleByPow2Exact(qn: number, e: number): number {
  while (e > 1023) {
    qn *= 2;
    e--;
  }
  while (e < -1074) {
    qn /= 2;
    e++;
  }
  return qn * POW2[e + 1074]!;
}
