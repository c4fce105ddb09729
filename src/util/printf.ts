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
// Filled by splitDouble: x = _mant * 2^_exp2 with _mant an integer < 2^53.
let _mant = 0;
let _exp2 = 0;

/** Splits a finite nonzero |x| into _mant * 2^_exp2 (exactly). */
function splitDouble(x: number): void {
  bitsView.setFloat64(0, x, true);
  const hi = bitsView.getUint32(4, true);
  const lo = bitsView.getUint32(0, true);
  const be = (hi >>> 20) & 0x7ff;
  let m = (hi & 0xfffff) * 4294967296 + lo;
  if (be === 0) {
    _exp2 = -1074; // subnormal: 0.mant * 2^-1022
  } else {
    m += 4503599627370496; // 2^52, the implicit leading bit
    _exp2 = be - 1075;
  }
  // Drop trailing zero bits: smaller BigInt work in exactDigits.
  while (m % 2 === 0 && _exp2 < 0) {
    m /= 2;
    _exp2++;
  }
  _mant = m;
}

/** True if the sign bit of x is set (covers -0 and negative NaNs). */
function signBit(x: number): boolean {
  bitsView.setFloat64(0, x, true);
  return bitsView.getUint32(4, true) >>> 31 === 1;
}

// ---------------------------------------------------------------------------
// Decimal digit generation
//
// Result registers of decimalDigits: the value rounded as asked is
// 0.D1 D2 D3 ... * 10^(_X + 1), i.e. D1 is the digit of weight 10^_X.
// _D holds no leading zeros, may end in zeros and may be shorter than asked
// (the missing digits are zeros). _D === '' means the value rounded to zero
// (fixed mode only). Module-level registers instead of a result object: no
// allocation per conversion.

let _D = '';
let _X = 0;

const MODE_SIG = 0; // round to n significant digits (n >= 1)
const MODE_FIX = 1; // round to n digits after the decimal point (n >= 0)

/**
 * Exact decimal expansion of finite nonzero |x| into _D (trailing zeros
 * stripped) and _X.
 */
function exactDigits(ax: number): void {
  splitDouble(ax);
  let s: string;
  if (_exp2 >= 0) {
    s = (BigInt(_mant) << BigInt(_exp2)).toString();
    _X = s.length - 1;
  } else {
    s = (BigInt(_mant) * 5n ** BigInt(-_exp2)).toString();
    _X = s.length - 1 + _exp2;
  }
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48 /* '0' */) end--;
  _D = end === s.length ? s : s.slice(0, end);
}

/** Adds one unit in the last place of the digit string d (which is not empty). */
function incrementDigits(d: string): string {
  let i = d.length - 1;
  while (i >= 0 && d.charCodeAt(i) === 57 /* '9' */) i--;
  if (i < 0) {
    // 999 -> 1000: one more in the exponent, trailing zeros are implied
    _X++;
    return '1';
  }
  return d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1);
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
    _D = ''; // below half a unit of the rounding position
    return;
  }
  const c = d.charCodeAt(k);
  let up: boolean;
  if (c > 53 /* '5' */) up = true;
  else if (c < 53) up = false;
  else if (n > k + 1) up = true; // a 5 followed by nonzero digits (no trailing zeros in _D)
  else up = k > 0 && (d.charCodeAt(k - 1) & 1) === 1; // a tie: to even
  if (k === 0) {
    if (up) {
      _D = '1';
      _X++;
    } else {
      _D = '';
    }
    return;
  }
  const kept = d.slice(0, k);
  _D = up ? incrementDigits(kept) : kept;
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
 * Rounds finite nonzero ax as mode/n ask; the result is in _D and _X.
 *
 * Fast path: Number.prototype.toExponential(p) and toFixed(p) (ECMA-262
 * §21.1.3.2, §21.1.3.3) round the exact value of ax too, and allow up to 100
 * digits; they differ from glibc only on exact ties (they round those up, C
 * to even), which maybeTie detects without any digit generation. Otherwise
 * (ties, more than 100 digits, %f of ax >= 1e21) the exact BigInt expansion.
 */
function decimalDigits(ax: number, mode: number, n: number): void {
  if (mode === MODE_SIG) {
    if (n <= 101) {
      const s = ax.toExponential(n - 1); // "d.ddde+X", "de-X"
      const e = s.indexOf('e');
      const X = +s.slice(e + 1);
      // a carry (9.96 -> 1.0e+1) moved X up; a tie there would round up
      // in C as well (the kept digit is a 9), so X-n+1 is the right place
      if (!maybeTie(ax, X - n + 1)) {
        _D = e === 1 ? s.charAt(0) : s.charAt(0) + s.slice(2, e);
        _X = X;
        return;
      }
    }
    exactDigits(ax);
    roundDigits(n);
    return;
  }
  if (n <= 100 && ax < 1e21 && !maybeTie(ax, -n)) {
    fixedDigits(ax.toFixed(n));
    return;
  }
  exactDigits(ax);
  roundDigits(_X + 1 + n);
}

/** _D and _X from a toFixed string ("123.4500", "0.0012", "0.000", "7"). */
function fixedDigits(s: string): void {
  let dot = s.indexOf('.');
  if (dot < 0) dot = s.length;
  let f = 0; // first nonzero digit
  while (f < s.length && (s.charCodeAt(f) === 48 || s.charCodeAt(f) === 46)) f++;
  if (f === s.length) {
    _D = ''; // rounded to zero
  } else if (f < dot) {
    _X = dot - f - 1;
    _D = dot < s.length ? s.slice(f, dot) + s.slice(dot + 1) : s.slice(f);
  } else {
    _X = dot - f;
    _D = s.slice(f);
  }
}

const MIN_NORMAL = 2.2250738585072014e-308;

// ---------------------------------------------------------------------------
// Bodies (the conversion without sign and padding)

function zeros(n: number): string {
  return n > 0 ? '0'.repeat(n) : '';
}

/** Two-digit-minimum exponent suffix, "e+05", "e-300". */
function expSuffix(X: number, upper: boolean): string {
  const a = X < 0 ? -X : X;
  return (upper ? 'E' : 'e') + (X < 0 ? '-' : '+') + (a < 10 ? '0' : '') + a;
}

/** %e body from _D/_X already rounded to prec+1 significant digits. */
function eBody(prec: number, alt: boolean, upper: boolean): string {
  const d = _D;
  let s = d.charAt(0);
  if (prec > 0 || alt) s += '.';
  if (prec > 0) s += d.slice(1) + zeros(prec + 1 - d.length);
  return s + expSuffix(_X, upper);
}

/** %f body from _D/_X already rounded at prec decimals. */
function fBody(prec: number, alt: boolean): string {
  const d = _D;
  const X = _X;
  let s: string;
  if (d === '') {
    s = '0';
    if (prec > 0 || alt) s += '.';
    return s + zeros(prec);
  }
  if (X >= 0) {
    if (d.length <= X + 1) {
      s = d + zeros(X + 1 - d.length);
      if (prec > 0 || alt) s += '.';
      return s + zeros(prec);
    }
    // X+1 integer digits, the rest is fraction (d has at most X+1+prec digits)
    return d.slice(0, X + 1) + '.' + d.slice(X + 1) + zeros(prec - (d.length - X - 1));
  }
  // 0.000ddd: -X-1 zeros after the point, then d, then padding to prec
  return '0.' + zeros(-X - 1) + d + zeros(prec - (-X - 1) - d.length);
}

/** Is the digit string d "1" followed by zeros only? */
function isPowerOfTen(d: string): boolean {
  if (d.charCodeAt(0) !== 49 /* '1' */) return false;
  for (let i = 1; i < d.length; i++) if (d.charCodeAt(i) !== 48) return false;
  return true;
}

/** %g body (C11 §7.21.6.1 p8) for finite ax; P is the significant digit count. */
function gBody(ax: number, P: number, alt: boolean, upper: boolean): string {
  if (ax === 0) {
    _D = '0';
    _X = 0;
  } else {
    decimalDigits(ax, MODE_SIG, P);
  }
  const X = _X;
  if (alt) {
    // keep trailing zeros: exactly P significant digits, always a point
    if (X < P && X >= -4) return fBody(P - 1 - X, true);
    if (X === P && ax !== 0 && isPowerOfTen(_D)) {
      // glibc quirk (observed, 2.36): when the value itself has exponent
      // P-1 and rounding carries it to 10^P ("%#g" of 999999.5, "%#.2g" of
      // 99.5), glibc prints no fraction digits: "1.e+06", not the "1.00000e+06"
      // the standard asks for. Only the exact value tells a carry from x == 10^P.
      const d = _D;
      exactDigits(ax);
      const carried = _X < P;
      _D = d;
      _X = X;
      if (carried) return eBody(0, true, upper);
    }
    return eBody(P - 1, true, upper);
  }
  let d = _D;
  let end = d.length;
  while (end > 1 && d.charCodeAt(end - 1) === 48) end--;
  if (end !== d.length) d = d.slice(0, end);
  if (X < P && X >= -4) {
    if (X < 0) return '0.' + zeros(-X - 1) + d;
    if (d.length <= X + 1) return d + zeros(X + 1 - d.length);
    return d.slice(0, X + 1) + '.' + d.slice(X + 1);
  }
  return (d.length > 1 ? d.charAt(0) + '.' + d.slice(1) : d) + expSuffix(X, upper);
}

// ---------------------------------------------------------------------------
// Padding

/**
 * Joins sign, prefix ("0x") and body and pads to width: left-justified with
 * '-', zeros after sign and prefix with '0' (when zeroOk), else spaces before.
 */
function pad(sign: string, prefix: string, body: string, flags: string, width: number, zeroOk: boolean): string {
  const len = sign.length + prefix.length + body.length;
  if (width <= len) return sign + prefix + body;
  const fill = width - len;
  if (flags.indexOf('-') >= 0) return sign + prefix + body + ' '.repeat(fill);
  if (zeroOk && flags.indexOf('0') >= 0) return sign + prefix + '0'.repeat(fill) + body;
  return ' '.repeat(fill) + sign + prefix + body;
}

// ---------------------------------------------------------------------------
// tostring

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
  const neg = x < 0;
  const ax = neg ? -x : x;
  let r: string | null;
  if (ax < 1e14 && ax >= 1e-4) {
    // %.14g prints these in fixed notation, and so does JS
    const s = '' + ax;
    r = Number.isInteger(ax) ? s + '.0' : g14Fixed(s);
  } else if (ax === Infinity) {
    return neg ? '-inf' : 'inf';
  } else if (ax === 0) {
    return signBit(x) ? '-0.0' : '0.0';
  } else {
    // the shortest-digits argument needs a normal number
    r = ax >= MIN_NORMAL ? g14Exp(ax) : null;
  }
  if (r === null) r = g14Exact(ax);
  return neg ? '-' + r : r;
}

/**
 * %.14g of a non-integer in [1e-4, 1e14) from its shortest digits s (fixed
 * notation "ddd.ddd" or "0.000ddd"), ".0" added if it rounds to an integer;
 * null when the exact value is needed.
 */
function g14Fixed(s: string): string | null {
  const len = s.length;
  if (len <= 15) return s; // at most 14 significant digits: printed as is
  const dot = s.indexOf('.');
  let first = 0; // first significant digit
  if (s.charCodeAt(0) === 48 /* '0' */) {
    first = 2;
    while (s.charCodeAt(first) === 48) first++;
  }
  let pos = first + 13; // the 14th significant digit, skipping the point
  if (first < dot && pos >= dot) pos++;
  let next = pos + 1;
  if (next === dot) next++;
  if (next >= len) return s;
  const c = s.charCodeAt(next);
  if (c === 53 /* '5' */ && next === len - 1) return null; // maybe a tie
  if (c < 53) {
    const t = truncDigits(s, pos);
    return t.indexOf('.') < 0 ? t + '.0' : t;
  }
  const t = roundUpDigits(s, pos);
  if (t.indexOf('.') >= 0) return t;
  // 99999999999999.99 -> 100000000000000: exponent 14 is printed as 1e+14
  return t.length > 14 ? '1e+14' : t + '.0';
}

/**
 * %.14g of finite ax outside [1e-4, 1e14) (exponential notation), from the
 * shortest digits "d.ddde+N"; null when the exact value is needed.
 */
function g14Exp(ax: number): string | null {
  const t = ax.toExponential();
  const e = t.indexOf('e');
  let X = +t.slice(e + 1);
  let m: string;
  if (e <= 15) {
    // at most 14 digits: JS and C differ only in the exponent's width
    if (X >= 10 || X <= -10) return t;
    m = t.slice(0, e);
  } else {
    const c = t.charCodeAt(15); // the 15th digit ("d." then 13 more)
    if (c === 53 && e === 16) return null; // maybe a tie
    if (c < 53) {
      m = truncDigits(t, 14);
    } else {
      m = roundUpDigits(t.slice(0, e), 14);
      if (m.length === 2) {
        // 9.99...9 -> 10: one more in the exponent
        m = '1';
        X++;
        if (X === -4) return '0.0001'; // %g's fixed range starts at 1e-4
      }
    }
  }
  const a = X < 0 ? -X : X;
  return m + (X < 0 ? 'e-' : 'e+') + (a < 10 ? '0' : '') + a;
}

/** %.14g of finite nonzero ax from the exact decimal value, ".0" added if integral. */
function g14Exact(ax: number): string {
  const body = gBody(ax, 14, false, false);
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 46 /* '.' */ || c === 101 /* 'e' */) return body;
  }
  return body + '.0';
}

/**
 * s (digits with at most one '.') cut after index pos, then with the zeros
 * ending its fraction, and a point left last, removed ("1.2300" -> "1.23").
 */
function truncDigits(s: string, pos: number): string {
  let end = pos + 1;
  if (s.indexOf('.') >= end) return s.slice(0, end); // an integer part only
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46 /* '.' */) end--;
  return s.slice(0, end);
}

/**
 * s cut after index pos plus one unit in that digit, with truncDigits's zero
 * stripping: "1.2399" at 4 -> "1.24", "9.99" at 3 -> "10", "0.0999" -> "0.1".
 */
function roundUpDigits(s: string, pos: number): string {
  let i = pos;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c !== 57 /* '9' */ && c !== 46 /* '.' */) break;
    i--;
    if (i < 0) break;
  }
  const dot = s.indexOf('.');
  // digits after i become zeros: kept only between i and the point
  const intZeros = dot < 0 ? pos - i : dot > i ? dot - i - 1 : 0;
  const head = i < 0 ? '1' : s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) + 1);
  return intZeros > 0 ? head + '0'.repeat(intZeros) : head;
}

// ---------------------------------------------------------------------------
// string.format conversions

export type FloatConv = 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'a' | 'A';
export type IntConv = 'd' | 'i' | 'o' | 'x' | 'X' | 'u' | 'c';

const HEX_LOWER = '0123456789abcdef';
const HEX_UPPER = '0123456789ABCDEF';

/** %a body for finite ax (without "0x"): glibc keeps the leading digit 0 for
 *  subnormals (exponent -1022) and does not renormalise after rounding
 *  ("%.0a" of 1.5 is "0x2p+0"). Rounding is half-to-even on the bits. */
function aBody(ax: number, prec: number, alt: boolean, upper: boolean): string {
  let lead: number;
  let frac: number; // 52-bit fraction
  let exp: number;
  if (ax === 0) {
    lead = 0;
    frac = 0;
    exp = 0;
  } else {
    bitsView.setFloat64(0, ax, true);
    const hi = bitsView.getUint32(4, true);
    const lo = bitsView.getUint32(0, true);
    const be = (hi >>> 20) & 0x7ff;
    frac = (hi & 0xfffff) * 4294967296 + lo;
    if (be === 0) {
      lead = 0;
      exp = -1022;
    } else {
      lead = 1;
      exp = be - 1023;
    }
  }
  const digits = upper ? HEX_UPPER : HEX_LOWER;
  let ndig: number; // hex digits after the point
  if (prec >= 0 && prec < 13) {
    // round lead.frac to prec hex digits, ties to even
    const shift = 52 - 4 * prec;
    const unit = 2 ** shift;
    const total = lead * 4503599627370496 + frac; // exact, < 2^53
    let q = Math.floor(total / unit);
    const r = total - q * unit;
    const half = unit / 2;
    if (r > half || (r === half && q % 2 === 1)) q++;
    const scale = 2 ** (4 * prec);
    lead = Math.floor(q / scale);
    frac = (q - lead * scale) * 2 ** (52 - 4 * prec); // back to 52-bit alignment
    ndig = prec;
  } else {
    ndig = 13;
  }
  // 13 hex digits of the fraction, most significant first
  let fs = '';
  if (ndig > 0) {
    const fhi = Math.floor(frac / 4294967296); // top 20 bits
    const flo = frac - fhi * 4294967296;
    for (let i = 4; i >= 0; i--) fs += digits.charAt((fhi >>> (4 * i)) & 15);
    for (let i = 7; i >= 0; i--) fs += digits.charAt((flo >>> (4 * i)) & 15);
    if (prec < 0) {
      let end = 13;
      while (end > 0 && fs.charCodeAt(end - 1) === 48) end--;
      fs = fs.slice(0, end);
    } else if (ndig < 13) {
      fs = fs.slice(0, ndig);
    }
  }
  if (prec > 13) fs += zeros(prec - 13);
  let s = digits.charAt(lead);
  if (fs.length > 0 || alt) s += '.';
  s += fs;
  return s + (upper ? 'P' : 'p') + (exp < 0 ? '-' : '+') + (exp < 0 ? -exp : exp);
}

/**
 * One floating conversion of C's printf: %e %E %f %F %g %G %a %A with the
 * given flags (any of "-+ #0"), minimum width (0 = none) and precision
 * (-1 = default: 6, or exact for %a). Output is byte-exact with glibc.
 */
export function formatFloat(x: number, conv: FloatConv, flags: string, width: number, precision: number): string {
  const upper = conv === 'E' || conv === 'F' || conv === 'G' || conv === 'A';
  const neg = signBit(x);
  const sign = neg ? '-' : flags.indexOf('+') >= 0 ? '+' : flags.indexOf(' ') >= 0 ? ' ' : '';
  if (x !== x || x === Infinity || x === -Infinity) {
    const body = x !== x ? (upper ? 'NAN' : 'nan') : upper ? 'INF' : 'inf';
    return pad(sign, '', body, flags, width, false);
  }
  const ax = x < 0 ? -x : x;
  const alt = flags.indexOf('#') >= 0;
  let body: string;
  let prefix = '';
  switch (conv) {
    case 'e':
    case 'E': {
      const p = precision < 0 ? 6 : precision;
      if (ax === 0) {
        _D = '0';
        _X = 0;
      } else {
        decimalDigits(ax, MODE_SIG, p + 1);
      }
      body = eBody(p, alt, upper);
      break;
    }
    case 'f':
    case 'F': {
      const p = precision < 0 ? 6 : precision;
      if (p <= 100 && ax < 1e21 && !maybeTie(ax, -p)) {
        // toFixed prints exactly C's digits (see decimalDigits)
        body = ax.toFixed(p);
        if (alt && p === 0) body += '.';
      } else {
        if (ax === 0) _D = '';
        else decimalDigits(ax, MODE_FIX, p);
        body = fBody(p, alt);
      }
      break;
    }
    case 'g':
    case 'G': {
      const P = precision < 0 ? 6 : precision === 0 ? 1 : precision;
      body = gBody(ax, P, alt, upper);
      break;
    }
    default: // 'a', 'A'
      prefix = upper ? '0X' : '0x';
      body = aBody(ax, precision, alt, upper);
      break;
  }
  return pad(sign, prefix, body, flags, width, true);
}

const TWO64 = 18446744073709551616n;

/**
 * One integer conversion of C's printf on a signed 64-bit value, as Lua's
 * string.format does it with LUA_INTEGER_FMT ("%lld" and friends):
 * %d %i signed; %o %x %X %u print the unsigned 64-bit two's complement of a
 * negative value; %c prints the byte (unsigned char)v. Flags "-+ #0", width
 * (0 = none), precision (-1 = none; with 0, the value 0 prints no digits).
 */
export function formatInt(v: number | bigint, conv: IntConv, flags: string, width: number, precision: number): string {
  if (conv === 'c') {
    const b = typeof v === 'bigint' ? Number(BigInt.asUintN(8, v)) : ((v % 256) + 256) % 256;
    return pad('', '', String.fromCharCode(b), flags, width, false);
  }
  const isZero = typeof v === 'bigint' ? v === 0n : v === 0;
  const negative = v < 0;
  let sign = '';
  let digits: string;
  if (conv === 'd' || conv === 'i') {
    if (negative) {
      sign = '-';
      digits = typeof v === 'bigint' ? (-v).toString() : ('' + v).slice(1);
    } else {
      digits = '' + v;
      if (flags.indexOf('+') >= 0) sign = '+';
      else if (flags.indexOf(' ') >= 0) sign = ' ';
    }
  } else {
    const base = conv === 'o' ? 8 : conv === 'u' ? 10 : 16;
    if (negative) digits = (TWO64 + BigInt(v)).toString(base);
    else digits = v.toString(base);
    if (conv === 'X') digits = digits.toUpperCase();
  }
  if (precision >= 0) {
    if (precision === 0 && isZero) digits = '';
    else if (digits.length < precision) digits = zeros(precision - digits.length) + digits;
  }
  let prefix = '';
  if (flags.indexOf('#') >= 0) {
    if (conv === 'o') {
      // '#' with o: the precision grows so that the first digit is a zero
      if (digits.charCodeAt(0) !== 48) digits = '0' + digits;
    } else if ((conv === 'x' || conv === 'X') && !isZero) {
      prefix = conv === 'x' ? '0x' : '0X';
    }
  }
  // '0' is ignored when a precision is given (C11 §7.21.6.1 p6)
  return pad(sign, prefix, digits, flags, width, precision < 0);
}
