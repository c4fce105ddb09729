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

/** %q of a string: a double-quoted literal that reads back as the same bytes. */
export function quoteString(v: string): string {
  let out = '"';
  let run = 0; // start of the pending run of bytes copied as they are
  const len = v.length;
  for (let i = 0; i < len; i++) {
    const c = v.charCodeAt(i);
    let esc: string;
    if (c === 34 || c === 92) esc = '\\' + v[i]; // '"' '\'
    else if (c === 10) esc = '\\\n'; // newline: backslash-newline
    else if (c < 32 || c === 127) {
      // control characters as decimal escapes, 3 digits when a digit follows
      esc = i + 1 < len && isDigit(v.charCodeAt(i + 1)) ? '\\' + ('00' + c).slice(-3) : '\\' + c;
    } else continue;
    if (run < i) out += v.slice(run, i);
    out += esc;
    run = i + 1;
  }
  if (run < len) out += v.slice(run);
  return out + '"';
}

/** %q of a value, or null when it has no literal form. */
function literal(v: LuaValue): string | null {
  switch (typeof v) {
    case 'string':
      return quoteString(v);
    case 'number':
      if (Number.isInteger(v)) return '' + v;
      return floatLiteral(v);
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
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      out += i === 0 ? fmt : fmt.slice(i);
      break;
    }
    if (pct > i) out += fmt.slice(i, pct);
    i = pct + 1;
    if (i < len && fmt.charCodeAt(i) === 37) { // "%%"
      out += '%';
      i++;
      continue;
    }
    if (++argi > n) argError(L, argi, 'no value');
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
        const q = literal(L.stack[base + argi - 1]);
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
        let spec = fmt.slice(start - 1, end + 1);
        const z = spec.indexOf('\0');
        if (z >= 0) spec = spec.slice(0, z); // the C message stops at a zero byte
        nativeError(L, `invalid conversion '${spec}' to 'format'`);
      }
    }
  }
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
