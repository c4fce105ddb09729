/**
 * string.format (manual §6.4): C's printf conversions as Lua allows them, byte-exact with
 * the reference interpreter (numbers through util/printf.ts, which matches glibc).
 *
 * A conversion is '%', flags, a width of at most 2 digits, '.' and a precision of at most 2
 * digits (where allowed), and one of the letters below; each letter accepts only some flags:
 *
 *   c        flags "-"      no precision    (unsigned char)integer
 *   d i      flags "-+0 "   precision       integer
 *   u        flags "-0"     precision       integer as unsigned 64 bits
 *   o x X    flags "-#0"    precision       integer as unsigned 64 bits
 *   a A e E f g G    flags "-+#0 "  precision  float (no %F in lua5.4)
 *   p        flags "-"      no precision    address of a collectable value, or "(null)"
 *   s        flags "-"      precision       tostring() of any value (__tostring, __name)
 *   q        nothing        -               a Lua literal of the value
 *   %%       a '%'
 *
 * The formatter is a generator because %s calls __tostring metamethods (Lua code). The plain
 * native runs the same generator synchronously and gives up (-1, before any side effect)
 * at its first call request; the VM then runs the generator form from the start.
 */
import type { LuaThread } from '../vm/state.js';
import type { LuaValue } from '../vm/value.js';
import { LuaFloat, MININT, numToFloat } from '../vm/value.js';
import { argError, nativeError, checkString, checkInteger, checkNumber } from '../vm/auxlib.js';
import type { CallRequest } from '../vm/interp.js';
import { formatFloat, formatInt } from '../util/printf.js';
import type { FloatConv, IntConv } from '../util/printf.js';
import { tostringGen, tostringFast } from './base.js';
import { charge, checkAlloc, chargeScan, chargeString } from '../vm/limits.js';

/** longest run of flags, digits and '.' after a '%' ("invalid format (too long)" beyond) */
const MAXSPEC = 20;

// result of checkSpec (module state: no allocation per conversion)
let _flags = '';
let _width = 0;
let _prec = -1;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** flags, digits and '.': the characters a conversion spec spans before its letter */
function isSpecChar(c: number): boolean {
  return isDigit(c) || c === 45 || c === 43 || c === 32 || c === 35 || c === 46; // - + space # .
}

/**
 * Check the spec fmt[start..end-1] (between '%' and the conversion letter at `end`) against
 * the flags the conversion allows, and parse it into _flags, _width, _prec (-1: none).
 * A width cannot start with '0' (that would be a flag), width and precision have at most
 * two digits.
 */
function checkSpec(L: LuaThread, fmt: string, start: number, end: number, allowed: string, precision: boolean): void {
  let k = start;
  while (k < end && allowed.indexOf(fmt[k]) >= 0) k++;
  _flags = fmt.slice(start, k);
  _width = 0;
  _prec = -1;
  if (k < end && fmt.charCodeAt(k) !== 48) {
    if (isDigit(fmt.charCodeAt(k))) {
      _width = fmt.charCodeAt(k++) - 48;
      if (k < end && isDigit(fmt.charCodeAt(k))) _width = _width * 10 + fmt.charCodeAt(k++) - 48;
    }
    if (precision && k < end && fmt.charCodeAt(k) === 46) {
      k++;
      _prec = 0;
      if (k < end && isDigit(fmt.charCodeAt(k))) {
        _prec = fmt.charCodeAt(k++) - 48;
        if (k < end && isDigit(fmt.charCodeAt(k))) _prec = _prec * 10 + fmt.charCodeAt(k++) - 48;
      }
    }
  }
  if (k !== end) nativeError(L, `invalid conversion specification: '${fmt.slice(start - 1, end + 1)}'`);
}

/** Pad s with spaces to _width (left-justified with the '-' flag). */
function padStr(s: string): string {
  if (s.length >= _width) return s;
  const fill = ' '.repeat(_width - s.length);
  return _flags.indexOf('-') >= 0 ? s + fill : fill + s;
}

/** A fake but stable address for %p of a string (Lua's short strings are interned, so
 *  equal strings have one address there too). */
function stringAddress(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return '0x' + (0x5583a0000000 + (h >>> 8) * 16).toString(16);
}

/**
 * The length of %q of a string (see quoteString): '"' and '\\' take 2 bytes, a newline 2
 * (backslash-newline), a control character 1 + its decimal digits (3 when a digit follows).
 */
export function quotedLength(v: string): number {
  const len = v.length;
  let n = len + 2;
  for (let i = 0; i < len; i++) {
    const c = v.charCodeAt(i);
    if (c === 34 || c === 92 || c === 10) n++;
    else if (c < 32 || c === 127) {
      n += i + 1 < len && isDigit(v.charCodeAt(i + 1)) ? 3 : c < 10 ? 1 : c < 100 ? 2 : 3;
    }
  }
  return n;
}

/**
 * %q of a string: a double-quoted literal that reads back as the same bytes. Built in a
 * byte buffer of the exact size: a string of escapes made by concatenation would be a rope
 * of one node per escape, many times the size of the result.
 */
export function quoteString(v: string): string {
  const len = v.length;
  const size = quotedLength(v);
  if (size === len + 2) return '"' + v + '"';
  const b = new Uint8Array(size);
  let k = 0;
  b[k++] = 34; // '"'
  for (let i = 0; i < len; i++) {
    const c = v.charCodeAt(i);
    if (c === 34 || c === 92 || c === 10) { // '"' '\\' newline: a backslash before it
      b[k++] = 92;
      b[k++] = c;
    } else if (c < 32 || c === 127) {
      // control characters as decimal escapes, 3 digits when a digit follows
      b[k++] = 92;
      const three = i + 1 < len && isDigit(v.charCodeAt(i + 1));
      if (three || c >= 100) b[k++] = 48 + Math.floor(c / 100);
      if (three || c >= 10) b[k++] = 48 + Math.floor(c / 10) % 10;
      b[k++] = 48 + c % 10;
    } else b[k++] = c;
  }
  b[k++] = 34;
  let out = '';
  for (let i = 0; i < k; i += 8192) {
    out += String.fromCharCode.apply(null, b.subarray(i, Math.min(k, i + 8192)) as unknown as number[]);
  }
  return out;
}

/** %q of a value, or null when it has no literal form. */
function literal(v: LuaValue): string | null {
  switch (typeof v) {
    case 'string':
      return quoteString(v);
    case 'number':
      return Number.isInteger(v) ? '' + v : floatLiteral(v);
    case 'bigint':
      // mininteger has no decimal literal (it would read back as a float)
      return v === MININT ? '0x8000000000000000' : v.toString();
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return 'nil';
    default:
      if (v instanceof LuaFloat) return floatLiteral(v.n);
      return null;
  }
}

/** A float literal: hexadecimal (exact), with inf and nan written as expressions. */
function floatLiteral(x: number): string {
  if (x === Infinity) return '1e9999';
  if (x === -Infinity) return '-1e9999';
  if (x !== x) return '(0/0)';
  return formatFloat(x, 'a', '', 0, -1);
}

/** string.format as a generator (the VM form). */
export function* formatGen(L: LuaThread, base: number, n: number): Generator<CallRequest, number, LuaValue> {
  const fmt = checkString(L, base, n, 1);
  const len = fmt.length;
  let out = '';
  let argi = 1;
  let i = 0;
  while (i < len) {
    // the literal text up to the next conversion, "%%" included (read as '%'): one piece,
    // so that a format of a million "%%" does not make a rope of a million nodes
    let pct = fmt.indexOf('%', i);
    let escapes = false;
    while (pct >= 0 && pct + 1 < len && fmt.charCodeAt(pct + 1) === 37) { // "%%"
      if (!escapes) escapes = true;
      else if ((pct & 4095) < 2) chargeScan(L.vm, 4096); // about every 4 KB of escapes
      pct = fmt.indexOf('%', pct + 2);
    }
    const lit = pct < 0 ? len : pct;
    if (lit > i) {
      const piece = i === 0 && lit === len ? fmt : fmt.slice(i, lit);
      out += escapes ? piece.split('%%').join('%') : piece;
    }
    if (pct < 0) break;
    i = pct + 1;
    if (++argi > n) argError(L, argi, 'no value');
    // conversions are library work too (each one a call's worth): charged in batches
    if ((argi & 255) === 0) charge(L.vm, 256);
    const start = i;
    let end = i;
    while (end < len && isSpecChar(fmt.charCodeAt(end))) end++;
    if (end - start > MAXSPEC) nativeError(L, 'invalid format (too long)');
    i = end + 1;
    const conv = end < len ? fmt[end] : '';
    switch (conv) {
      case 'c':
        checkSpec(L, fmt, start, end, '-', false);
        out += formatInt(checkInteger(L, base, n, argi), 'c', _flags, _width, -1);
        break;
      // (the argument is checked before the spec for these, after it for c a A p)
      case 'd': case 'i': {
        const v = checkInteger(L, base, n, argi);
        checkSpec(L, fmt, start, end, '-+0 ', true);
        out += formatInt(v, conv as IntConv, _flags, _width, _prec);
        break;
      }
      case 'u': {
        const v = checkInteger(L, base, n, argi);
        checkSpec(L, fmt, start, end, '-0', true);
        out += formatInt(v, 'u', _flags, _width, _prec);
        break;
      }
      case 'o': case 'x': case 'X': {
        const v = checkInteger(L, base, n, argi);
        checkSpec(L, fmt, start, end, '-#0', true);
        out += formatInt(v, conv as IntConv, _flags, _width, _prec);
        break;
      }
      case 'a': case 'A':
        checkSpec(L, fmt, start, end, '-+#0 ', true);
        out += formatFloat(numToFloat(checkNumber(L, base, n, argi)), conv as FloatConv, _flags, _width, _prec);
        break;
      case 'e': case 'E': case 'f': case 'g': case 'G': {
        const x = numToFloat(checkNumber(L, base, n, argi));
        checkSpec(L, fmt, start, end, '-+#0 ', true);
        out += formatFloat(x, conv as FloatConv, _flags, _width, _prec);
        break;
      }
      case 'p': {
        checkSpec(L, fmt, start, end, '-', false);
        const v = L.stack[base + argi - 1];
        let p: string;
        if (typeof v === 'string') p = stringAddress(v);
        else if (typeof v === 'object' && v !== null && !(v instanceof LuaFloat)) p = L.vm.addressOf(v);
        else p = '(null)';
        out += padStr(p);
        break;
      }
      case 'q': {
        if (end > start) nativeError(L, "specifier '%q' cannot have modifiers");
        const v = L.stack[base + argi - 1];
        if (typeof v === 'string') {
          // checked before it is built (up to 4 bytes per byte)
          checkAlloc(L.vm, out.length + quotedLength(v));
          chargeScan(L.vm, v.length);
        }
        const q = literal(v);
        if (q === null) argError(L, argi, 'value has no literal form');
        out += q;
        break;
      }
      case 's': {
        const v = L.stack[base + argi - 1];
        let str = tostringFast(L.vm, v);
        if (str === null) str = yield* tostringGen(L, v);
        if (end === start) {
          out += str;
          break;
        }
        if (str.indexOf('\0') >= 0) argError(L, argi, 'string contains zeros');
        checkSpec(L, fmt, start, end, '-', true);
        if (_prec < 0 && str.length >= 100) {
          out += str; // printf is not used for long strings without a precision
          break;
        }
        if (_prec >= 0 && str.length > _prec) str = str.slice(0, _prec);
        out += padStr(str);
        break;
      }
      default: {
        const spec = fmt.slice(start - 1, end + 1).split('\0')[0]; // the C message stops at a zero byte
        nativeError(L, `invalid conversion '${spec}' to 'format'`);
      }
    }
  }
  // the format scanned, and the result as a new string
  if (len >= 64) chargeScan(L.vm, len);
  chargeString(L.vm, out.length);
  L.stack[base] = out;
  return 1;
}

/** string.format as a plain native: -1 when a __tostring call is needed. */
export function formatPlain(L: LuaThread, base: number, n: number): number {
  const g = formatGen(L, base, n);
  const r = g.next();
  if (r.done) return r.value;
  g.return(-1);
  return -1;
}
