// C printf number formatting, byte for byte as glibc prints it.
//
// Used by the VM (tostring of a float is C's "%.14g", see fmtG14) and by
// string.format (formatFloat / formatInt take one already-parsed conversion
// spec). Written from the C standard's description of fprintf (C11 §7.21.6.1)
// and glibc's observed output; test/util/printf-fixtures.json records that
// output from the real C library.
//
// Decimal conversions (%e %f %g) print the exact binary value of the double,
// rounded half-to-even (the default IEEE rounding mode, the only one JS has)
// at the requested digit. Every finite double is m * 2^e2 with integer m, so
// its exact decimal expansion is m * 2^e2 (e2 >= 0) or m * 5^-e2 / 10^-e2
// (e2 < 0): at most 767 significant digits, computed with BigInt.
//
// Fast paths, so that the BigInt expansion is rarely needed:
// - %e %f %g use Number.prototype.toExponential(p) / toFixed(p), which also
//   round the exact value (ECMA-262 §21.1.3.2-3) for up to 100 digits; they
//   round exact ties up where C goes to even, and maybeTie spots the inputs
//   that can be ties with one exact power-of-two multiplication.
// - fmtG14 uses JS's shortest round-trip digits S ('' + x, toExponential()),
//   one number-to-string conversion in all. S is also correctly rounded to
//   k <= 15 significant digits for a normal x. Proof sketch: |x - S| <=
//   ulp(x)/2 <= 2^-53 |x|, while half the spacing of a grid with k <= 15
//   significant digits is >= 10^-k |x| / 2 > 2^-53 |x|. So if S has no digit
//   beyond the rounding position, S padded with zeros is the rounded value.
//   If S has more digits, the rounding boundary B (k+1 digits ending in 5)
//   cannot lie strictly between x and S unless B == S (B would be a shorter,
//   or equally short and closer, round-trip string: ECMA-262 picks the
//   closest among the shortest), so rounding S's digits is right, except when
//   S's dropped part is exactly "5": then the exact expansion tells a tie
//   from a near-tie.
//
// NaN sign: glibc prints "-nan" when the sign bit of the NaN is set. On
// x86-64 the default NaN produced by 0/0, inf-inf, sqrt(-1) has the sign bit
// SET, which is why lua5.4 prints "-nan" for 0/0 and "nan" for -(0/0). V8 keeps
// NaN payloads through arithmetic on runtime values, through heap numbers in
// generic arrays and through optimised code (measured on Node 20 / x86-64:
// a/b with a=b=0 read from an array gives sign 1, its negation sign 0, both in
// the interpreter and in TurboFan code). It does NOT keep them when it
// constant-folds an expression whose operands are JS compile-time constants
// (`0/0` written in JS source gives the canonical NaN 0x7ff8..., sign 0), and
// a NaN stored into a packed-double array may be canonicalised (seen for an
// array literal `[nan, 1.5]` in the interpreter). So we read
// the sign bit and print it as glibc does; the VM must compute 0/0 at run time
// (Lua's own compiler does not fold divisions by zero either) and must not
// keep Lua values in double-element arrays if it wants "-nan". On platforms
// whose default NaN is positive (ARM) this prints "nan", as lua5.4 does there.

// ---------------------------------------------------------------------------
// Bit access

const bitsView = new DataView(new ArrayBuffer(8));
/** The 52-bit fraction field of the double last given to decode. */
let _frac = 0;

/** Reads the fields of x: returns its biased exponent (0 for zero and subnormals) and leaves
 *  its fraction field in _frac. */
function decode(x: number): number {
  bitsView.setFloat64(0, x, true);
  const hi = bitsView.getUint32(4, true);
  _frac = (hi & 0xfffff) * 4294967296 + bitsView.getUint32(0, true);
  return (hi >>> 20) & 0x7ff;
}

/** True if the sign bit of x is set (covers -0 and negative NaNs). */
function signBit(x: number): boolean {
  bitsView.setFloat64(0, x, true);
  return bitsView.getInt32(4, true) < 0;
}

// ---------------------------------------------------------------------------
// Decimal digit generation
//
// Digit registers: a value is 0.D1 D2 D3 ... * 10^(_X + 1), i.e. D1 is the
// digit of weight 10^_X. _D holds no leading zeros, may end in zeros and may
// be shorter than asked (the missing digits are zeros). _D === '' means the
// value rounded to zero (%f only), with _X at most -1 (no integer digits).
// Module-level registers instead of a result object: no allocation per
// conversion.

let _D = '';
let _X = 0;

/**
 * Exact decimal expansion of finite nonzero |x| into _D (trailing zeros
 * stripped) and _X.
 */
function exactDigits(ax: number): void {
  const biased = decode(ax);
  // ax = m * 2^e2 with m an integer < 2^53
  let m = _frac;
  let e2 = -1074; // subnormal: 0.fraction * 2^-1022
  if (biased !== 0) {
    m += 4503599627370496; // 2^52, the implicit leading bit
    e2 = biased - 1075;
  }
  // Drop trailing zero bits: smaller BigInt work.
  while (m % 2 === 0 && e2 < 0) {
    m /= 2;
    e2++;
  }
  const s = (e2 >= 0 ? BigInt(m) << BigInt(e2) : BigInt(m) * 5n ** BigInt(-e2)).toString();
  _X = s.length - 1 + (e2 < 0 ? e2 : 0);
  _D = trimZeros(s);
}

/**
 * Rounds the exact digit string _D (value 0.D * 10^(_X+1), no trailing zeros)
 * to keep k digits, half-to-even.
 */
function roundDigits(k: number): void {
  const d = _D;
  const n = d.length;
  if (n <= k) return; // nothing to drop
  if (k < 0) {
    // below half a unit of the rounding position
    _D = '';
    _X = -1;
    return;
  }
  const c = d.charCodeAt(k);
  // above a 5, or a 5 followed by nonzero digits (no trailing zeros in _D), or a tie to even
  const up = c > 53 /* '5' */ || (c === 53 && (n > k + 1 || (k > 0 && (d.charCodeAt(k - 1) & 1) === 1)));
  if (!up) {
    _D = d.slice(0, k);
    return;
  }
  // one unit more in the last kept digit: its trailing 9s become (implied) zeros
  let i = k - 1;
  while (i >= 0 && d.charCodeAt(i) === 57 /* '9' */) i--;
  if (i < 0) {
    // 999 -> 1000 (or nothing kept -> 1): one more in the exponent
    _D = '1';
    _X++;
  } else {
    _D = d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1);
  }
}

/**
 * Could the rounding of ax at the digit of weight 10^q be a tie, that is,
 * is 2 * ax / 10^q an odd integer? Exact: for q <= 0 that is the case iff
 * ax * 2^(1-q) (an exact power-of-two scaling) is an odd integer, because
 * 5^-q is odd; for q > 0 only an integer ax can be a tie (conservative).
 */
function maybeTie(ax: number, q: number): boolean {
  if (q > 0) return Number.isInteger(ax);
  const n = ax * 2 ** (1 - q);
  return n % 2 === 1; // false for non-integers, for n >= 2^53 and for Infinity
}

/**
 * Rounds finite ax to n significant digits (n >= 1); the result is in _D and _X.
 *
 * Fast path: Number.prototype.toExponential(p) (ECMA-262 §21.1.3.2) rounds
 * the exact value of ax too, and allows up to 100 digits; it differs from
 * glibc only on exact ties (it rounds those up, C to even), which maybeTie
 * detects without any digit generation. Otherwise (ties, more than 101
 * significant digits) the exact BigInt expansion.
 */
function sigDigits(ax: number, n: number): void {
  if (ax === 0) {
    _D = '0';
    _X = 0;
    return;
  }
  if (n <= 101) {
    const s = ax.toExponential(n - 1); // "d.ddde+X", "de-X"
    const e = s.indexOf('e');
    _X = +s.slice(e + 1);
    _D = s.charAt(0) + s.slice(2, e);
    // a carry (9.96 -> 1.0e+1) moved _X up; a tie there would round up
    // in C as well (the kept digit is a 9), so _X-n+1 is the right place
    if (!maybeTie(ax, _X - n + 1)) return;
  }
  exactDigits(ax);
  roundDigits(n);
}

// ---------------------------------------------------------------------------
// Bodies (the conversion without sign and padding, in lower case)

function zeros(n: number): string {
  return n > 0 ? '0'.repeat(n) : '';
}

/** A fixed-notation number without the zeros ending its fraction, nor a point left last
 *  ("1.2300" -> "1.23", "10.000" -> "10"). */
function trimFraction(s: string): string {
  s = trimZeros(s);
  return s.charCodeAt(s.length - 1) === 46 /* '.' */ ? s.slice(0, -1) : s;
}

/** d without its trailing zeros ("1200" -> "12"). */
function trimZeros(d: string): string {
  let end = d.length;
  while (end > 0 && d.charCodeAt(end - 1) === 48 /* '0' */) end--;
  return end === d.length ? d : d.slice(0, end);
}

/** Two-digit-minimum exponent suffix, "e+05", "e-300". */
function expSuffix(X: number): string {
  const a = X < 0 ? -X : X;
  return (X < 0 ? 'e-' : 'e+') + (a < 10 ? '0' : '') + a;
}

/** %e body from _D/_X already rounded to prec+1 significant digits. */
function eBody(prec: number, alt: boolean): string {
  const d = _D;
  return d.charAt(0) + (prec > 0 || alt ? '.' : '') + d.slice(1, prec + 1) + zeros(prec + 1 - d.length) + expSuffix(_X);
}

/** %f body from _D/_X already rounded at prec decimals (prec <= 0: no fraction digits). */
function fBody(prec: number, alt: boolean): string {
  const d = _D;
  const X = _X;
  // X+1 integer digits, the rest is fraction (d has at most X+1+prec digits);
  // or 0.000ddd: -X-1 zeros after the point, then d
  const int = X < 0 ? '0' : d.slice(0, X + 1) + zeros(X + 1 - d.length);
  const frac = X < 0 ? zeros(-X - 1) + d : d.slice(X + 1);
  return int + (prec > 0 || alt ? '.' : '') + frac + zeros(prec - frac.length);
}

/** %g body (C11 §7.21.6.1 p8) for finite ax; P is the significant digit count. */
function gBody(ax: number, P: number, alt: boolean): string {
  sigDigits(ax, P);
  const X = _X;
  if (!alt) {
    // no trailing zeros, no point after the last digit
    const d = trimZeros(_D) || '0';
    _D = d;
    return X < P && X >= -4 ? fBody(d.length - 1 - X, false) : eBody(d.length - 1, false);
  }
  // keep trailing zeros: exactly P significant digits, always a point
  if (X < P && X >= -4) return fBody(P - 1 - X, true);
  // glibc quirk (observed, 2.36): when the value itself has exponent P-1 and
  // rounding carries it to 10^P ("%#g" of 999999.5, "%#.2g" of 99.5), glibc
  // prints no fraction digits: "1.e+06", not the "1.00000e+06" the standard
  // asks for. With X === P, that is the case iff ax < 10^P, and comparing
  // with the double +('1e' + P) tells it exactly: it is 10^P up to 10^22;
  // beyond, doubles are integers, so a carry (ax >= 10^P - 1/2) is impossible
  // and no double lies between 10^P and its nearest double.
  return eBody(X === P && ax < +('1e' + P) ? 0 : P - 1, true);
}

// ---------------------------------------------------------------------------
// Padding

/** The sign a nonnegative value gets from the flags '+' and ' '. */
function plusSign(flags: string): string {
  return flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
}

/**
 * Joins head (sign and prefix such as "0x") and body and pads to width:
 * left-justified with '-', zeros between head and body with '0' (when
 * zeroOk), else spaces before.
 */
function pad(head: string, body: string, flags: string, width: number, zeroOk: boolean): string {
  const fill = width - head.length - body.length;
  if (fill <= 0) return head + body;
  if (flags.includes('-')) return head + body + ' '.repeat(fill);
  if (zeroOk && flags.includes('0')) return head + '0'.repeat(fill) + body;
  return ' '.repeat(fill) + head + body;
}

// ---------------------------------------------------------------------------
// tostring

const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * Lua's tostring of a float (lua_Number2str with LUAI_NUMFFORMAT "%.14g",
 * then ".0" appended when the result looks like an integer): 1.0 -> "1.0",
 * 0.1 -> "0.1", 2^63 -> "9.2233720368548e+18", 0/0 -> "-nan" on x86-64.
 *
 * Hot path: one JS number-to-string conversion (shortest round-trip digits),
 * rounded as a string to 14 significant digits (exact by the argument in the
 * header); only a shortest string of exactly 15 digits ending in 5 (maybe a
 * tie) takes the exact BigInt path.
 */
export function fmtG14(x: number): string {
  if (x !== x) return signBit(x) ? '-nan' : 'nan';
  const ax = x < 0 ? -x : x;
  let r: string | null;
  if (ax < 1e14 && ax >= 1e-4) {
    // %.14g prints these in fixed notation, and so does JS
    r = '' + ax;
    if (Number.isInteger(ax)) {
      r += '.0';
    } else if (r.length > 15) {
      // maybe more than 14 significant digits
      r = round14(r, r.length);
      // 99999999999999.99 -> 100000000000000: exponent 14 is printed as 1e+14
      if (r !== null && !r.includes('.')) r = r.length > 14 ? '1e+14' : r + '.0';
    }
  } else if (ax === Infinity) {
    return x < 0 ? '-inf' : 'inf';
  } else if (ax === 0) {
    return signBit(x) ? '-0.0' : '0.0';
  } else {
    // the shortest-digits argument needs a normal number
    r = ax >= MIN_NORMAL ? g14Exp(ax) : null;
  }
  if (r === null) {
    // from the exact value, ".0" added if it looks like an integer
    r = gBody(ax, 14, false);
    if (!r.includes('.') && !r.includes('e')) r += '.0';
  }
  return x < 0 ? '-' + r : r;
}

/**
 * %.14g of finite ax outside [1e-4, 1e14) (exponential notation), from the
 * shortest digits "d.ddde+N"; null when the exact value is needed.
 */
function g14Exp(ax: number): string | null {
  const t = ax.toExponential();
  const e = t.indexOf('e');
  let X = +t.slice(e + 1);
  // at most 14 digits and a two-digit exponent: JS prints it as C does
  if (e <= 15 && (X >= 10 || X <= -10)) return t;
  const m = round14(t, e);
  if (m === null) return null;
  if (m !== '10') return m + expSuffix(X);
  // 9.99...9 -> 10: one more in the exponent
  X++;
  return X === -4 ? '0.0001' : '1' + expSuffix(X); // %g's fixed range starts at 1e-4
}

/**
 * Shortest digits s[0..end-1] (fixed notation "ddd.ddd", "0.000ddd" or the
 * mantissa "d.ddd" of "d.ddde+N") rounded to 14 significant digits, the
 * zeros ending its fraction and a point left last removed ("1.2399" ->
 * "1.24", "9.99" -> "10"); null when the dropped part is exactly "5" (a tie
 * or not: only the exact value tells).
 */
function round14(s: string, end: number): string | null {
  const dot = s.indexOf('.');
  let first = 0; // first significant digit
  while (s.charCodeAt(first) === 48 /* '0' */ || s.charCodeAt(first) === 46 /* '.' */) first++;
  let pos = first + 13; // the 14th significant digit, skipping the point
  if (first < dot && pos >= dot) pos++;
  let next = pos + 1;
  if (next === dot) next++;
  if (next >= end) return s.slice(0, end);
  const c = s.charCodeAt(next);
  if (c === 53 /* '5' */ && next === end - 1) return null;
  if (c >= 53) return roundUpDigits(s, pos);
  const t = s.slice(0, pos + 1);
  return dot > pos ? t : trimFraction(t);
}

/**
 * s cut after index pos plus one unit in that digit, with the zeros ending
 * its fraction stripped: "1.2399" at 4 -> "1.24", "9.99" at 3 -> "10",
 * "0.0999" -> "0.1".
 */
function roundUpDigits(s: string, pos: number): string {
  // the digit to increment: before the 9s (and the point) that end s[0..pos]
  let i = pos;
  while (i >= 0 && (s.charCodeAt(i) === 57 /* '9' */ || s.charCodeAt(i) === 46 /* '.' */)) i--;
  const dot = s.indexOf('.');
  // digits after i become zeros: kept only between i and the point
  const intZeros = dot < 0 ? pos - i : dot > i ? dot - i - 1 : 0;
  const head = i < 0 ? '1' : s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) + 1);
  return head + zeros(intZeros);
}

// ---------------------------------------------------------------------------
// string.format conversions

export type FloatConv = 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'a' | 'A';
export type IntConv = 'd' | 'i' | 'o' | 'x' | 'X' | 'u' | 'c';

/** %a body for finite ax (without "0x"): glibc keeps the leading digit 0 for
 *  subnormals (exponent -1022) and does not renormalise after rounding
 *  ("%.0a" of 1.5 is "0x2p+0"). Rounding is half-to-even on the bits. */
function aBody(ax: number, prec: number, alt: boolean): string {
  const biased = decode(ax);
  let lead = biased === 0 ? 0 : 1;
  let frac = _frac; // 52 bits
  const exp = biased !== 0 ? biased - 1023 : ax === 0 ? 0 : -1022;
  if (prec >= 0 && prec < 13) {
    // round lead.frac to prec hex digits, ties to even: total / unit (exact, < 2^49) plus
    // and minus 2^52 rounds to an integer as IEEE arithmetic does, ties to even
    const unit = 2 ** (52 - 4 * prec);
    const total = lead * 4503599627370496 + frac; // exact, < 2^53
    const rounded = (total / unit + 4503599627370496 - 4503599627370496) * unit; // exact, <= 2^53
    lead = Math.floor(rounded / 4503599627370496);
    frac = rounded - lead * 4503599627370496;
  }
  // the 13 hex digits of the fraction, without the trailing zeros by default
  const all = frac.toString(16).padStart(13, '0');
  const digits = prec < 0 ? trimZeros(all) : all.slice(0, prec) + zeros(prec - 13);
  return lead + (digits !== '' || alt ? '.' : '') + digits + (exp < 0 ? 'p' : 'p+') + exp;
}

/**
 * One floating conversion of C's printf: %e %E %f %F %g %G %a %A with the
 * given flags (any of "-+ #0"), minimum width (0 = none) and precision
 * (-1 = default: 6, or exact for %a). Output is byte-exact with glibc.
 */
export function formatFloat(x: number, conv: FloatConv, flags: string, width: number, precision: number): string {
  const sign = signBit(x) ? '-' : plusSign(flags);
  const ax = x < 0 ? -x : x;
  const alt = flags.includes('#');
  const p = precision < 0 ? 6 : precision;
  let s: string;
  if (x !== x || ax === Infinity) {
    s = pad(sign, x !== x ? 'nan' : 'inf', flags, width, false);
  } else {
    let body: string;
    let prefix = '';
    switch (conv) {
      case 'e':
      case 'E':
        sigDigits(ax, p + 1);
        body = eBody(p, alt);
        break;
      case 'f':
      case 'F':
        if (p <= 100 && ax < 1e21 && !maybeTie(ax, -p)) {
          // toFixed (ECMA-262 §21.1.3.3) prints exactly C's digits but
          // for exact ties, like toExponential (see sigDigits)
          body = ax.toFixed(p);
          if (alt && p === 0) body += '.';
        } else {
          if (ax === 0) {
            _D = '';
            _X = -1;
          } else {
            exactDigits(ax);
            roundDigits(_X + 1 + p);
          }
          body = fBody(p, alt);
        }
        break;
      case 'g':
      case 'G':
        body = gBody(ax, precision === 0 ? 1 : p, alt);
        break;
      default: // 'a', 'A'
        prefix = '0x';
        body = aBody(ax, precision, alt);
        break;
    }
    s = pad(sign + prefix, body, flags, width, true);
  }
  // the upper-case conversions (their letters sort before 'a') print letters
  // (and "0X") in upper case
  return conv < 'a' ? s.toUpperCase() : s;
}

/**
 * One integer conversion of C's printf on a signed 64-bit value, as Lua's
 * string.format does it with LUA_INTEGER_FMT ("%lld" and friends):
 * %d %i signed; %o %x %X %u print the unsigned 64-bit two's complement of a
 * negative value; %c prints the byte (unsigned char)v. Flags "-+ #0", width
 * (0 = none), precision (-1 = none; with 0, the value 0 prints no digits).
 */
export function formatInt(v: number | bigint, conv: IntConv, flags: string, width: number, precision: number): string {
  if (conv === 'c') {
    const b = typeof v === 'bigint' ? Number(v & 255n) : v & 255;
    return pad('', String.fromCharCode(b), flags, width, false);
  }
  let sign = '';
  let digits: string;
  if (conv === 'd' || conv === 'i') {
    digits = '' + v;
    if (v < 0) {
      sign = '-';
      digits = digits.slice(1);
    } else {
      sign = plusSign(flags);
    }
  } else {
    const base = conv === 'o' ? 8 : conv === 'u' ? 10 : 16;
    digits = (v < 0 ? BigInt.asUintN(64, BigInt(v)) : v).toString(base);
  }
  const isZero = digits === '0';
  if (precision >= 0) {
    if (precision === 0 && isZero) digits = '';
    else digits = zeros(precision - digits.length) + digits;
  }
  let prefix = '';
  if (flags.includes('#')) {
    if (conv === 'o') {
      // '#' with o: the precision grows so that the first digit is a zero
      if (digits.charCodeAt(0) !== 48) digits = '0' + digits;
    } else if ((conv === 'x' || conv === 'X') && !isZero) {
      prefix = '0x';
    }
  }
  // '0' is ignored when a precision is given (C11 §7.21.6.1 p6)
  const s = pad(sign + prefix, digits, flags, width, precision < 0);
  return conv === 'X' ? s.toUpperCase() : s;
}
