/**
 * The string library (manual §6.4) and the string metatable: __index = the library, and the
 * arithmetic metamethods that convert numeric strings (§3.4.3).
 *
 * Strings are byte strings (char codes 0..255); positions follow §6.4: 1-based, negative
 * counting from the end. Patterns live in lpattern.ts, string.format in strformat.ts,
 * pack/unpack in strpack.ts.
 *
 * Natives that may call Lua (gsub with a function or a table with __index, format with
 * __tostring, the arithmetic metamethods deferring to the other operand's) have a plain form
 * and a generator form: the plain form returns -1 before any side effect when it needs a
 * call, and the VM then runs the generator form from the start (see vm/interp.ts precall).
 */
import { NativeFunction, SPECIAL, numberToString, strToNumber, LuaClosure, LuaFloat, typeName } from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import { MAXSTACK } from '../vm/state.js';
import type { LuaThread, LuaVM } from '../vm/state.js';
import { CallRequest, callPlainNative, NO_CALL } from '../vm/interp.js';
import { arith, AR, ArithError } from '../vm/arith.js';
import { getTM } from '../vm/meta.js';
import { LuaThrow } from '../vm/errors.js';
import {
  checkString, checkIntNum, optIntNum, optString, checkInteger, argError, nativeError, typeErrorArg,
  arg,
} from '../vm/auxlib.js';
import { indexGen } from './base.js';
import { compilePattern, isPlainPattern, acquireMatcher, releaseMatcher } from './lpattern.js';
import type { Pattern, Matcher } from './lpattern.js';
import { formatGen, formatPlain } from './strformat.js';
import { strPack, strPacksize, strUnpack } from './strpack.js';
import { dumpProto } from '../vm/dump.js';
import { charge, checkAlloc, chargeScan, chargeString } from '../vm/limits.js';

/**
 * Largest string we build: V8's String::kMaxLength on 64-bit hosts (2^29 - 24). Functions
 * that know a result's size in advance (rep) refuse bigger results with the reference's
 * "resulting string too large" instead of letting the host throw.
 */
export const MAXSTRLEN = 536870888;

// ---------------------------------------------------------------------------------------
// helpers

/** A start position (§6.4): 0 and positions before the start mean 1. */
function posStart(pos: number, len: number): number {
  if (pos > 0) return pos;
  if (pos === 0 || pos < -len) return 1;
  return len + pos + 1;
}

/** An end position: beyond the end means len, before the start means 0. */
function posEnd(pos: number, len: number): number {
  if (pos > len) return len;
  if (pos >= 0) return pos;
  if (pos < -len) return 0;
  return len + pos + 1;
}

const CHUNK = 8192;

/** String from bytes codes[0..n-1], in chunks (apply has an argument limit). */
function fromBytes(codes: Uint8Array, n: number): string {
  if (n <= CHUNK) return String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]);
  let out = '';
  for (let i = 0; i < n; i += CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** Map ASCII letters of s through [from, from+25] -> +delta (C locale toupper/tolower). */
function mapCase(s: string, from: number, delta: number): string {
  const n = s.length;
  const codes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    codes[i] = c >= from && c <= from + 25 ? c + delta : c;
  }
  return fromBytes(codes, n);
}

// ---------------------------------------------------------------------------------------
// simple functions

function strLen(L: LuaThread, base: number, n: number): number {
  L.stack[base] = checkString(L, base, n, 1).length;
  return 1;
}

function strSub(L: LuaThread, base: number, n: number): number {
  const s = checkString(L, base, n, 1);
  const l = s.length;
  const i = posStart(checkIntNum(L, base, n, 2), l);
  const j = posEnd(optIntNum(L, base, n, 3, -1), l);
  if (i > j) L.stack[base] = '';
  else if (i === 1 && j === l) L.stack[base] = s;
  else {
    chargeString(L.vm, j - i + 1);
    L.stack[base] = s.slice(i - 1, j);
  }
  return 1;
}

function strUpper(L: LuaThread, base: number, n: number): number {
  const s = checkString(L, base, n, 1);
  chargeString(L.vm, s.length);
  chargeScan(L.vm, s.length);
  L.stack[base] = isAscii(s) ? s.toUpperCase() : mapCase(s, 97, -32);
  return 1;
}

function strLower(L: LuaThread, base: number, n: number): number {
  const s = checkString(L, base, n, 1);
  chargeString(L.vm, s.length);
  chargeScan(L.vm, s.length);
  L.stack[base] = isAscii(s) ? s.toLowerCase() : mapCase(s, 65, 32);
  return 1;
}

function strReverse(L: LuaThread, base: number, n: number): number {
  const s = checkString(L, base, n, 1);
  const l = s.length;
  chargeString(L.vm, l);
  chargeScan(L.vm, l);
  L.stack[base] = fromBytes(reversedBytes(s), l);
  return 1;
}

/**
 * The bytes of s in reverse order. (A function of its own that ends with its loop: V8 may
 * compile a long loop on-stack before the code after it ever ran, and such code would give up
 * the compiled loop each time the loop is entered again.)
 */
function reversedBytes(s: string): Uint8Array {
  const l = s.length;
  const codes = new Uint8Array(l);
  for (let i = 0; i < l; i++) codes[i] = s.charCodeAt(l - 1 - i);
  return codes;
}

/** string.rep(s, n [, sep]): the size is checked before anything is built. */
function strRep(L: LuaThread, base: number, n: number): number {
  const s = checkString(L, base, n, 1);
  const k = checkInteger(L, base, n, 2);
  const sep = optString(L, base, n, 3, '');
  if (k <= 0) {
    L.stack[base] = '';
    return 1;
  }
  const count = Number(k);
  const l = s.length;
  const ls = sep.length;
  if (l + ls === 0) {
    L.stack[base] = '';
    return 1;
  }
  const total = l * count + ls * (count - 1);
  checkAlloc(L.vm, total);
  if (total > MAXSTRLEN) nativeError(L, 'resulting string too large');
  charge(L.vm, total >>> 6);
  L.stack[base] = ls === 0 ? s.repeat(count) : (s + sep).repeat(count - 1) + s;
  L.vm.gcdebt += 24 + total;
  return 1;
}

function strByte(L: LuaThread, base: number, n: number): number {
  const s = checkString(L, base, n, 1);
  const l = s.length;
  const pi = optIntNum(L, base, n, 2, 1);
  const i = posStart(pi, l);
  const j = posEnd(optIntNum(L, base, n, 3, pi), l); // the end defaults to the start as given
  if (i > j) return 0;
  const count = j - i + 1;
  if (base + count > MAXSTACK) nativeError(L, 'stack overflow (string slice too long)');
  charge(L.vm, count);
  L.ensureStack(base + count + 1);
  const st = L.stack;
  for (let k = 0; k < count; k++) st[base + k] = s.charCodeAt(i - 1 + k);
  return count;
}

function strChar(L: LuaThread, base: number, n: number): number {
  chargeString(L.vm, n);
  charge(L.vm, n);
  const codes = new Uint8Array(n);
  for (let i = 1; i <= n; i++) {
    const c = checkInteger(L, base, n, i);
    if (typeof c !== 'number' || c < 0 || c > 255) argError(L, i, 'value out of range');
    codes[i - 1] = c;
  }
  L.stack[base] = fromBytes(codes, n);
  return 1;
}

/** string.dump(f [, strip]): the binary chunk of a Lua function (format: vm/dump.ts). */
function strDump(L: LuaThread, base: number, n: number): number {
  const f = arg(L, base, n, 1);
  if (!(f instanceof LuaClosure) && !(f instanceof NativeFunction)) typeErrorArg(L, base, n, 1, 'function');
  if (!(f instanceof LuaClosure)) nativeError(L, 'unable to dump given function');
  const strip = n >= 2 && L.stack[base + 1] !== undefined && L.stack[base + 1] !== false;
  L.stack[base] = dumpProto(f.proto, strip);
  return 1;
}

// ---------------------------------------------------------------------------------------
// find, match, gmatch

/** string.find (find = true) and string.match. */
function findAux(L: LuaThread, base: number, n: number, find: boolean): number {
  const s = checkString(L, base, n, 1);
  const p = checkString(L, base, n, 2);
  const ls = s.length;
  const init = posStart(optIntNum(L, base, n, 3, 1), ls) - 1;
  const st = L.stack;
  if (init > ls) {
    st[base] = undefined;
    return 1;
  }
  if (find) {
    const plain = n >= 4 && st[base + 3] !== undefined && st[base + 3] !== false;
    if (plain || isPlainPattern(p)) {
      const at = s.indexOf(p, init);
      // the bytes searched, at the rate of a bulk copy (one unit per 64)
      charge(L.vm, ((at < 0 ? ls : at) - init + p.length) >>> 6);
      if (at < 0) {
        st[base] = undefined;
        return 1;
      }
      st[base] = at + 1;
      st[base + 1] = at + p.length;
      return 2;
    }
  }
  const m = acquireMatcher(L, s, compilePattern(p, true));
  const start = m.search(init);
  let r: number;
  if (start < 0) {
    st[base] = undefined;
    r = 1;
  } else if (find) {
    const e = m.end;
    r = 2 + m.pushCaptures(L, base + 2, start, e, false);
    L.stack[base] = start + 1;
    L.stack[base + 1] = e;
  } else {
    r = m.pushCaptures(L, base, start, m.end, true);
  }
  releaseMatcher(m);
  return r;
}

function strFind(L: LuaThread, base: number, n: number): number {
  return findAux(L, base, n, true);
}

function strMatch(L: LuaThread, base: number, n: number): number {
  return findAux(L, base, n, false);
}

/** State of a gmatch iterator: the next offset to try and the end of the last match. */
class GmatchState {
  readonly src: string;
  readonly pat: Pattern;
  pos: number;
  lastmatch: number;
  constructor(src: string, pat: Pattern, pos: number) {
    this.src = src;
    this.pat = pat;
    this.pos = pos;
    this.lastmatch = -1;
  }
}

function gmatchStep(L: LuaThread, base: number, g: GmatchState): number {
  const src = g.src;
  const len = src.length;
  const m = acquireMatcher(L, src, g.pat);
  for (let s = g.pos; s <= len; s++) {
    s = m.nextCandidate(s);
    if (s > len) break;
    const e = m.tryAt(s);
    if (e >= 0 && e !== g.lastmatch) {
      g.pos = g.lastmatch = e;
      const r = m.pushCaptures(L, base, s, e, true);
      releaseMatcher(m);
      return r;
    }
  }
  g.pos = len + 1;
  releaseMatcher(m);
  return 0;
}

/** string.gmatch(s, pattern [, init]): '^' is not an anchor here (it would stop the loop). */
function strGmatch(L: LuaThread, base: number, n: number): number {
  const s = checkString(L, base, n, 1);
  const p = checkString(L, base, n, 2);
  const ls = s.length;
  let init = posStart(optIntNum(L, base, n, 3, 1), ls) - 1;
  if (init > ls) init = ls + 1;
  const g = new GmatchState(s, compilePattern(p, false), init);
  // data: the iterator's upvalues as debug.getupvalue sees them (subject and pattern)
  L.stack[base] = new NativeFunction('gmatch_aux', (L2, b) => gmatchStep(L2, b, g), null, SPECIAL.NONE, [s, p]);
  return 1;
}

// ---------------------------------------------------------------------------------------
// gsub

/**
 * A growing byte buffer for results built from many pieces (gsub): copying bytes and making
 * one string at the end is several times faster than concatenating thousands of pieces.
 */
class ByteBuf {
  buf: Uint8Array;
  n: number;
  /** the state whose limits the buffer's growth is checked against */
  readonly vm: LuaVM;
  constructor(vm: LuaVM, capacity: number) {
    this.vm = vm;
    this.buf = new Uint8Array(capacity < 64 ? 64 : capacity);
    this.n = 0;
  }

  private grow(extra: number): void {
    const need = this.n + extra;
    // beyond the host's longest string: the same error the host would give, later
    if (need > MAXSTRLEN) {
      checkAlloc(this.vm, need);
      throw new RangeError('Invalid string length');
    }
    // the new buffer is what gets allocated: checked against the limits at its full size
    const size = Math.min(Math.max(need, this.buf.length * 2), MAXSTRLEN);
    checkAlloc(this.vm, size);
    charge(this.vm, size >>> 6);
    const nb = new Uint8Array(size);
    nb.set(this.buf.subarray(0, this.n));
    this.buf = nb;
  }

  /** Append s[a..b-1] (copied byte by byte: charged as a scan when long). */
  addRange(s: string, a: number, b: number): void {
    if (this.n + b - a > this.buf.length) this.grow(b - a);
    if (b - a >= 64) charge(this.vm, (b - a) >>> 4); // a tight copy loop: 16 bytes a unit
    const buf = this.buf;
    let n = this.n;
    for (let j = a; j < b; j++) buf[n++] = s.charCodeAt(j);
    this.n = n;
  }

  addStr(s: string): void {
    this.addRange(s, 0, s.length);
  }

  /** The result: counted as a new string of n bytes. */
  toString(): string {
    chargeString(this.vm, this.n);
    return fromBytes(this.buf, this.n);
  }
}

/**
 * A gsub replacement string, parsed once per call: `ops` holds -1 for the next literal of
 * `lits`, 0 for the whole match (%0), k for capture k (%1-%9), and -2 for a bad '%' (an error
 * when the replacement is used: a string that never gets used is never checked).
 */
class Template {
  readonly ops: number[] = [];
  readonly lits: string[] = [];
  constructor(repl: string) {
    let i = 0;
    const l = repl.length;
    while (i < l) {
      const pct = repl.indexOf('%', i);
      const stop = pct < 0 ? l : pct;
      if (stop > i) {
        this.ops.push(-1);
        this.lits.push(repl.slice(i, stop));
      }
      if (pct < 0) break;
      const c = pct + 1 < l ? repl.charCodeAt(pct + 1) : -1;
      if (c === 37) { // "%%"
        this.ops.push(-1);
        this.lits.push('%');
      } else if (c >= 48 && c <= 57) this.ops.push(c - 48);
      else {
        this.ops.push(-2);
        break;
      }
      i = pct + 2;
    }
  }

  /** Append the expansion for the match s..e. */
  expand(m: Matcher, s: number, e: number, out: ByteBuf): void {
    const ops = this.ops;
    let li = 0;
    for (let k = 0; k < ops.length; k++) {
      const op = ops[k];
      if (op === -1) out.addStr(this.lits[li++]);
      else if (op === 0) out.addRange(m.src, s, e);
      else if (op > 0) {
        if (m.captureBounds(op - 1, s, e)) out.addRange(m.src, m.capS, m.capE);
        else out.addStr('' + m.capS);
      } else nativeError(m.L!, "invalid use of '%' in replacement string");
    }
  }
}

/** string.gsub(s, pattern, repl [, n]) as a generator (function and __index calls). */
function* gsubGen(L: LuaThread, base: number, n: number): Generator<CallRequest, number, LuaValue> {
  const src = checkString(L, base, n, 1);
  const p = checkString(L, base, n, 2);
  const repl = arg(L, base, n, 3);
  const ls = src.length;
  const maxN = optIntNum(L, base, n, 4, ls + 1);
  const isFn = repl instanceof LuaClosure || repl instanceof NativeFunction;
  const isTable = repl instanceof LuaTable;
  let tpl: Template | null = null;
  let rstr = '';
  if (typeof repl === 'string') rstr = repl;
  else if (typeof repl === 'number' || typeof repl === 'bigint' || repl instanceof LuaFloat) rstr = numberToString(repl);
  else if (!isFn && !isTable) typeErrorArg(L, base, n, 3, 'string/function/table');
  if (!isFn && !isTable && rstr.indexOf('%') >= 0) tpl = new Template(rstr);
  const pat = compilePattern(p, true);
  const anchor = pat.anchor;
  const m = acquireMatcher(L, src, pat);
  let out: ByteBuf | null = null;
  const req = isFn ? new CallRequest(repl, [], 1) : null; // reused: the VM copies the arguments
  let copied = 0; // src[copied..s) is still to be copied
  let s = 0;
  let last = -1;
  let count = 0;
  while (count < maxN) {
    if (!anchor) {
      s = m.nextCandidate(s);
      if (s > ls) break;
    }
    const e = m.tryAt(s);
    if (e >= 0 && e !== last) {
      count++;
      if (out === null) out = new ByteBuf(L.vm, ls < 65536 ? ls + (ls >> 2) + 16 : 65536);
      out.addRange(src, copied, s);
      if (tpl !== null) tpl.expand(m, s, e, out);
      else if (!isFn && !isTable) out.addStr(rstr);
      else {
        let v: LuaValue;
        if (isTable) {
          const key = m.capture(0, s, e);
          v = repl.metatable === null ? repl.get(key) : yield* indexGen(L, repl, key);
        } else {
          const k = m.ncaptures(true);
          const args = req!.args;
          args.length = 0;
          for (let i = 0; i < k; i++) args.push(m.capture(i, s, e));
          // a library function (string.upper) is called at once, a Lua function by the VM
          v = repl instanceof NativeFunction ? callPlainNative(L, repl, args) : NO_CALL;
          if (v === NO_CALL) v = yield req!;
        }
        if (v === undefined || v === false) out.addRange(src, s, e); // keep the original
        else if (typeof v === 'string') out.addStr(v);
        else if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) out.addStr(numberToString(v));
        else nativeError(L, `invalid replacement value (a ${typeName(v)})`);
      }
      copied = s = last = e;
    } else if (s < ls) s++;
    else break;
    if (anchor) break;
  }
  releaseMatcher(m);
  let result = src;
  if (out !== null) {
    out.addRange(src, copied, ls);
    result = out.toString();
  }
  L.ensureStack(base + 2);
  L.stack[base] = result;
  L.stack[base + 1] = count;
  return 2;
}

/** Plain form: everything except calls; gives up (-1) for functions and __index calls. */
function gsubPlain(L: LuaThread, base: number, n: number): number {
  const repl = n >= 3 ? L.stack[base + 2] : undefined;
  if (repl instanceof LuaClosure || repl instanceof NativeFunction) return -1;
  const g = gsubGen(L, base, n);
  const r = g.next();
  if (r.done) return r.value;
  g.return(-1);
  return -1;
}

// ---------------------------------------------------------------------------------------
// string metamethods (§3.4.3: arithmetic on strings converts them to numbers)

function toArithNum(v: LuaValue): LuaValue {
  return typeof v === 'string' ? strToNumber(v) : v;
}

/** arith() on converted operands; undefined when an operand is not a number. */
function stringArith(op: number, a: LuaValue, b: LuaValue): LuaValue {
  const x = toArithNum(a);
  const y = toArithNum(b);
  if (x === undefined || y === undefined) return undefined;
  try {
    const r = arith(op, x, y);
    return typeof r === 'symbol' ? undefined : r;
  } catch (e) {
    // raised from inside the metamethod: the message carries no position
    if (e instanceof ArithError) throw new LuaThrow(e.msg);
    throw e;
  }
}

function arithMeta(op: number, event: string): NativeFunction {
  const name = event.slice(2);
  const fail = (L: LuaThread, a: LuaValue, b: LuaValue): never =>
    nativeError(L, `attempt to ${name} a '${typeName(a)}' with a '${typeName(b)}'`);
  const plain = (L: LuaThread, base: number, _n: number): number => {
    const s = L.stack;
    const a = s[base];
    const b = s[base + 1];
    const r = stringArith(op, a, b);
    if (r !== undefined) {
      s[base] = r;
      return 1;
    }
    // the other operand's metamethod, if it has one (and is not a string)
    if (typeof b !== 'string' && getTM(L.vm, b, event) !== undefined) return -1;
    return fail(L, a, b);
  };
  const gen = function* (L: LuaThread, base: number, _n: number): Generator<CallRequest, number, LuaValue> {
    const s = L.stack;
    const a = s[base];
    const b = s[base + 1];
    const r = stringArith(op, a, b);
    if (r !== undefined) {
      s[base] = r;
      return 1;
    }
    const tm = typeof b === 'string' ? undefined : getTM(L.vm, b, event);
    if (tm === undefined) return fail(L, a, b);
    L.stack[base] = yield new CallRequest(tm, [a, b], 1);
    return 1;
  };
  return new NativeFunction(event, plain, gen, SPECIAL.NONE, null);
}

// ---------------------------------------------------------------------------------------

function fn(name: string, f: (L: LuaThread, base: number, n: number) => number): NativeFunction {
  return new NativeFunction(name, f, null, SPECIAL.NONE, null);
}

export function openString(vm: LuaVM): void {
  const S = new LuaTable();
  S.setStr('byte', fn('byte', strByte));
  S.setStr('char', fn('char', strChar));
  S.setStr('dump', fn('dump', strDump));
  S.setStr('find', fn('find', strFind));
  S.setStr('format', new NativeFunction('format', formatPlain, formatGen, SPECIAL.NONE, null));
  S.setStr('gmatch', fn('gmatch', strGmatch));
  S.setStr('gsub', new NativeFunction('gsub', gsubPlain, gsubGen, SPECIAL.NONE, null));
  S.setStr('len', fn('len', strLen));
  S.setStr('lower', fn('lower', strLower));
  S.setStr('match', fn('match', strMatch));
  S.setStr('rep', fn('rep', strRep));
  S.setStr('reverse', fn('reverse', strReverse));
  S.setStr('sub', fn('sub', strSub));
  S.setStr('upper', fn('upper', strUpper));
  S.setStr('pack', fn('pack', strPack));
  S.setStr('packsize', fn('packsize', strPacksize));
  S.setStr('unpack', fn('unpack', strUnpack));
  const mt = new LuaTable();
  mt.setStr('__index', S);
  const ops: [number, string][] = [
    [AR.ADD, '__add'], [AR.SUB, '__sub'], [AR.MUL, '__mul'], [AR.MOD, '__mod'], [AR.POW, '__pow'],
    [AR.DIV, '__div'], [AR.IDIV, '__idiv'], [AR.UNM, '__unm'],
  ];
  for (const [op, event] of ops) mt.setStr(event, arithMeta(op, event));
  vm.stringMeta = mt;
  vm.globals.setStr('string', S);
  vm.loaded.setStr('string', S);
}
