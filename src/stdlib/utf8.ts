/**
 * The utf8 library (manual §6.5): char, charpattern, codes, codepoint, len, offset.
 *
 * Strings are byte strings (char codes 0..255). Like lua5.4 the library reads and writes
 * the original, extended UTF-8: sequences of up to six bytes for code points up to 2^31-1.
 * Decoding is strict by default (code points up to 0x10FFFF, no surrogates); the `lax`
 * arguments accept everything up to 0x7FFFFFFF. Overlong encodings are always invalid.
 */
import { NativeFunction, nativeFn, toIntegerCoerce } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import type { LuaThread, LuaVM } from '../vm/state.js';
import { MAXSTACK } from '../vm/state.js';
import {
  argError, checkInteger, checkIntNum, checkString, nativeError, optInteger, arg, setFuncs, registerLib,
  failResults,
} from '../vm/auxlib.js';
import { charge, chargeScan, chargeString } from '../vm/limits.js';

/** the largest code point the extended encoding represents */
const MAXUTF = 0x7fffffff;
/** the largest Unicode code point */
const MAXUNICODE = 0x10ffff;

const MSG_INVALID = 'invalid UTF-8 code';

/** smallest code point that needs k continuation bytes (k = 0..5); below it is overlong */
const LIMITS = [0, 0x80, 0x800, 0x10000, 0x200000, 0x4000000];

/** Byte string of one code point (0 <= cp <= 0x7FFFFFFF), extended UTF-8. */
export function utf8Char(cp: number): string {
  if (cp < 0x80) return String.fromCharCode(cp);
  // continuation bytes, from the last, while the rest does not fit in the first byte
  let tail = '';
  let mfb = 0x3f; // largest value that fits in the first byte's payload
  let x = cp;
  do {
    tail = String.fromCharCode(0x80 | (x & 0x3f)) + tail;
    x = Math.floor(x / 64);
    mfb >>= 1;
  } while (x > mfb);
  // first byte: 1s for each byte of the sequence, then the remaining payload
  return String.fromCharCode(((~mfb << 1) & 0xff) | x) + tail;
}

/** Result of decode(): the code point and the index after the sequence (or -1 if invalid). */
let decodedCode = 0;

/**
 * Decode the sequence starting at s[i] (i < s.length). Returns the index after it and sets
 * decodedCode, or returns -1 for an invalid sequence. A byte past the end of the string
 * counts as NUL (never a continuation byte).
 */
function decode(s: string, i: number, strict: boolean): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) {
    decodedCode = c;
    return i + 1;
  }
  // count the leading 1 bits after the first: each announces a continuation byte
  let count = 0;
  let res = 0;
  let lead = c;
  while ((lead & 0x40) !== 0) {
    count++;
    const cc = i + count < s.length ? s.charCodeAt(i + count) : 0;
    if ((cc & 0xc0) !== 0x80) return -1;
    res = res * 64 + (cc & 0x3f);
    lead = (lead << 1) & 0xff;
  }
  if (count === 0 || count > 5) return -1; // a lone continuation byte, or 0xFE/0xFF
  // payload bits of the first byte: 6 - count of them
  res += (c & ((1 << (6 - count)) - 1)) * Math.pow(2, 6 * count);
  if (res > MAXUTF || res < LIMITS[count]) return -1;
  if (strict && (res > MAXUNICODE || (res >= 0xd800 && res <= 0xdfff))) return -1;
  decodedCode = res;
  return i + count + 1;
}

function isCont(s: string, i: number): boolean {
  return i < s.length && (s.charCodeAt(i) & 0xc0) === 0x80;
}

/** Relative string position: negative counts from the end; out of range gives 0. */
function uPosrelat(pos: number | bigint, len: number): number {
  if (pos >= 0) return typeof pos === 'bigint' ? Number.MAX_SAFE_INTEGER : pos;
  if (-pos > len) return 0;
  return len + Number(pos) + 1;
}

// ---- utf8.char (...) ---------------------------------------------------------------------

function utf8CharFn(L: LuaThread, base: number, nargs: number): number {
  charge(L.vm, nargs);
  let out = '';
  for (let k = 1; k <= nargs; k++) {
    const c = checkInteger(L, base, nargs, k);
    if (typeof c === 'bigint' || c < 0 || c > MAXUTF) argError(L, k, 'value out of range');
    out += utf8Char(c);
  }
  chargeString(L.vm, out.length);
  L.stack[base] = out;
  return 1;
}

// ---- utf8.len (s [, i [, j [, lax]]]) ----------------------------------------------------

function utf8Len(L: LuaThread, base: number, nargs: number): number {
  const s = checkString(L, base, nargs, 1);
  const len = s.length;
  let posi = uPosrelat(optInteger(L, base, nargs, 2, 1), len);
  let posj = uPosrelat(optInteger(L, base, nargs, 3, -1), len);
  const lax = truthyArg(L, base, nargs, 4);
  if (!(1 <= posi && --posi <= len)) argError(L, 2, 'initial position out of bounds');
  if (!(--posj < len)) argError(L, 3, 'final position out of bounds');
  // decoding costs about an instruction per byte
  if (posj > posi) charge(L.vm, posj - posi);
  let n = 0;
  while (posi <= posj) {
    const next = decode(s, posi, !lax);
    if (next < 0) return failResults(L, base, posi + 1);
    posi = next;
    n++;
  }
  L.stack[base] = n;
  return 1;
}

function truthyArg(L: LuaThread, base: number, nargs: number, narg: number): boolean {
  const v = arg(L, base, nargs, narg);
  return v !== undefined && v !== false;
}

// ---- utf8.codepoint (s [, i [, j [, lax]]]) ----------------------------------------------

function utf8Codepoint(L: LuaThread, base: number, nargs: number): number {
  const s = checkString(L, base, nargs, 1);
  const len = s.length;
  const posi = uPosrelat(optInteger(L, base, nargs, 2, 1), len);
  const pose = uPosrelat(optInteger(L, base, nargs, 3, posi), len);
  const lax = truthyArg(L, base, nargs, 4);
  if (!(posi >= 1)) argError(L, 2, 'out of bounds');
  if (!(pose <= len)) argError(L, 3, 'out of bounds');
  if (posi > pose) return 0;
  // at most one result per byte: they must fit the stack (luaL_checkstack; a string is
  // shorter than the reference's INT_MAX limit)
  if (base + pose - posi + 1 > MAXSTACK) nativeError(L, 'stack overflow (string slice too long)');
  charge(L.vm, pose - posi + 1); // a byte decoded or a result pushed: about an instruction each
  const codes: number[] = [];
  let p = posi - 1;
  while (p < pose) {
    const next = decode(s, p, !lax);
    if (next < 0) nativeError(L, MSG_INVALID);
    codes.push(decodedCode);
    p = next;
  }
  L.ensureStack(base + codes.length);
  for (let k = 0; k < codes.length; k++) L.stack[base + k] = codes[k];
  return codes.length;
}

// ---- utf8.offset (s, n [, i]) ------------------------------------------------------------

function utf8Offset(L: LuaThread, base: number, nargs: number): number {
  const s = checkString(L, base, nargs, 1);
  const len = s.length;
  let n = checkIntNum(L, base, nargs, 2);
  let posi = uPosrelat(optInteger(L, base, nargs, 3, n >= 0 ? 1 : len + 1), len);
  if (!(1 <= posi && --posi <= len)) argError(L, 3, 'position out of bounds');
  const start = posi;
  if (n === 0) {
    // find the start of the character containing byte posi
    while (posi > 0 && isCont(s, posi)) posi--;
  } else {
    if (isCont(s, posi)) nativeError(L, 'initial position is a continuation byte');
    if (n < 0) {
      while (n < 0 && posi > 0) {
        do posi--; while (posi > 0 && isCont(s, posi));
        n++;
      }
    } else {
      n--;
      while (n > 0 && posi < len) {
        do posi++; while (isCont(s, posi));
        n--;
      }
    }
  }
  chargeScan(L.vm, Math.abs(posi - start));
  L.stack[base] = n === 0 ? posi + 1 : undefined;
  return 1;
}

// ---- utf8.codes (s [, lax]) --------------------------------------------------------------

/**
 * The iterator of utf8.codes: (s, i) -> position and code of the first character that starts
 * at byte index i (0-based, so after the character at position i) or later.
 */
function makeIter(name: string, strict: boolean): NativeFunction {
  return nativeFn(name, (L, base, nargs) => {
    const s = checkString(L, base, nargs, 1);
    const len = s.length;
    // the control value as an unsigned integer (lua_tointeger: 0 when not convertible)
    const iv = toIntegerCoerce(arg(L, base, nargs, 2));
    let n = iv === undefined ? 0 : typeof iv === 'bigint' || iv < 0 ? len : iv;
    const from = n;
    while (n < len && isCont(s, n)) n++; // skip the continuation bytes of the current character
    chargeScan(L.vm, n - from);
    if (n >= len) return 0;
    const next = decode(s, n, strict);
    if (next < 0) nativeError(L, MSG_INVALID);
    L.stack[base] = n + 1;
    L.stack[base + 1] = decodedCode;
    return 2;
  });
}

export function openUtf8(vm: LuaVM): void {
  const iterStrict = makeIter('codes_iter', true);
  const iterLax = makeIter('codes_iter', false);
  const U = setFuncs(new LuaTable(), [
    nativeFn('offset', utf8Offset),
    nativeFn('codepoint', utf8Codepoint),
    nativeFn('char', utf8CharFn),
    nativeFn('len', utf8Len),
    nativeFn('codes', (L, base, nargs) => {
      const s = checkString(L, base, nargs, 1);
      const lax = truthyArg(L, base, nargs, 2);
      L.stack[base] = lax ? iterLax : iterStrict;
      L.stack[base + 1] = s;
      L.stack[base + 2] = 0;
      return 3;
    }),
  ]);
  U.setStr('charpattern', '[\x00-\x7F\xC2-\xFD][\x80-\xBF]*');
  registerLib(vm, 'utf8', U);
}
