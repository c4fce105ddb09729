/**
 * The basic library (manual §6.1): print, type, tostring, tonumber, pairs, ipairs, next,
 * select, raw*, metatables, assert, error, pcall, xpcall, load, dofile, loadfile,
 * collectgarbage, warn, _G, _VERSION.
 */
import {
  LuaFloat, LuaClosure, NativeFunction, UpVal, SPECIAL, nativeFn, nativeGen, numberToString,
  toNumber, typeName, wrapInt, ITER_NEXT, ITER_IPAIRS, upvalCell, isNumber, isFunction,
} from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import type { LuaThread, LuaVM } from '../vm/state.js';
import { VMSignal } from '../vm/suspend.js';
import { LuaThrow } from '../vm/errors.js';
import { CallRequest, callValue } from '../vm/interp.js';
import { getMetatable, getTM, objTypeName } from '../vm/meta.js';
import { whereL } from '../vm/debuginfo.js';
import { numEQ, isNum, intAdd } from '../vm/arith.js';
import {
  arg, argError, checkAny, checkTable, checkInteger, checkString, optString, typeErrorArg,
  basicToString, nativeError, optInteger, checkOption, checkIntNum, optIntNum, cString, failResults, dualFn,
  setFuncs,
} from '../vm/auxlib.js';
import { loadChunk, skipFilePrefix } from './load.js';
import { fullCollection } from '../vm/gc.js';

/** Longest string the host can make (V8's limit; string.ts MAXSTRLEN). */
const MAXSTRLEN = 536870888;

/**
 * luaL_tolstring: the string form of v, calling __tostring (a generator: use with yield*).
 */
export function* tostringGen(L: LuaThread, v: LuaValue): Generator<CallRequest, string, LuaValue> {
  const t = tostringFast(L.vm, v);
  if (t !== null) return t;
  const r = yield new CallRequest(getTM(L.vm, v, '__tostring'), [v], 1);
  if (typeof r === 'string') return r;
  if (!isNumber(r)) nativeError(L, "'__tostring' must return a string");
  return numberToString(r);
}

/** tostring without yielding when no __tostring is involved; null if a call is needed. */
export function tostringFast(vm: LuaVM, v: LuaValue): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (getTM(vm, v, '__tostring') !== undefined) return null;
  return basicToString(vm, v);
}

function printFast(L: LuaThread, base: number, n: number): number {
  const vm = L.vm;
  const s = L.stack;
  let out = '';
  for (let i = 0; i < n; i++) {
    const t = tostringFast(vm, s[base + i]);
    if (t === null) return -1;
    if (i > 0) out += '\t';
    out += t;
  }
  vm.stdout(out + '\n');
  return 0;
}

function* printGen(L: LuaThread, base: number, n: number): Generator<CallRequest, number, LuaValue> {
  const args = L.stack.slice(base, base + n);
  let out = '';
  for (let i = 0; i < n; i++) {
    const t = yield* tostringGen(L, args[i]);
    if (i > 0) out += '\t';
    out += t;
  }
  L.vm.stdout(out + '\n');
  return 0;
}

function tostringFastN(L: LuaThread, base: number, n: number): number {
  const v = checkAny(L, base, n, 1);
  const t = tostringFast(L.vm, v);
  if (t === null) return -1;
  L.stack[base] = t;
  return 1;
}

function* tostringGenN(L: LuaThread, base: number, n: number): Generator<CallRequest, number, LuaValue> {
  const v = checkAny(L, base, n, 1);
  L.stack[base] = yield* tostringGen(L, v);
  return 1;
}

function luaType(L: LuaThread, base: number, n: number): number {
  const v = checkAny(L, base, n, 1);
  L.stack[base] = typeName(v);
  return 1;
}

function luaTonumber(L: LuaThread, base: number, n: number): number {
  const s = L.stack;
  if (n < 2 || s[base + 1] === undefined) {
    const v = checkAny(L, base, n, 1);
    s[base] = toNumber(v);
    return 1;
  }
  const b = checkInteger(L, base, n, 2);
  const v = s[base];
  if (typeof v !== 'string') typeErrorArg(L, base, n, 1, 'string');
  if (typeof b !== 'number' || b < 2 || b > 36) argError(L, 2, 'base out of range');
  s[base] = strToIntBase(v, b);
  return 1;
}

/**
 * The numeral of tonumber(s, base): optional spaces (as C's isspace), an optional sign, letters
 * and digits, optional spaces.
 */
const BASE_NUMERAL = /^[\t-\r ]*([-+]?)([0-9a-z]+)[\t-\r ]*$/i;

/** tonumber(s, base): an integer (wrapping modulo 2^64) or nil. */
function strToIntBase(str: string, b: number): LuaValue {
  const m = BASE_NUMERAL.exec(str);
  if (m === null) return undefined;
  let acc = 0n;
  const bb = BigInt(b);
  for (const c of m[2]) {
    const d = parseInt(c, 36); // the value of a digit or letter
    if (d >= b) return undefined;
    acc = BigInt.asUintN(64, acc * bb + BigInt(d));
  }
  return wrapInt(m[1] === '-' ? -acc : acc);
}

const nextOut: LuaValue[] = [undefined, undefined];

function luaNext(L: LuaThread, base: number, n: number): number {
  const t = checkTable(L, base, n, 1);
  const s = L.stack;
  const p = t.nextIndex(arg(L, base, n, 2));
  if (p < 0) throw new LuaThrow("invalid key to 'next'");
  const q = t.nextFrom(p, nextOut);
  if (q === 0) {
    s[base] = undefined;
    return 1;
  }
  s[base] = nextOut[0];
  s[base + 1] = nextOut[1];
  return 2;
}

function makePairs(nextFn: NativeFunction) {
  const fast = (L: LuaThread, base: number, n: number): number => {
    const v = checkAny(L, base, n, 1);
    if (getTM(L.vm, v, '__pairs') !== undefined) return -1;
    const s = L.stack;
    s[base] = nextFn;
    s[base + 1] = v;
    s[base + 2] = undefined;
    return 3;
  };
  const gen = function* (L: LuaThread, base: number, n: number): Generator<CallRequest, number, LuaValue> {
    const v = checkAny(L, base, n, 1);
    const tm = getTM(L.vm, v, '__pairs');
    const r = (yield new CallRequest(tm, [v], -1)) as LuaValue[];
    const s = L.stack;
    s[base] = r[0];
    s[base + 1] = r[1];
    s[base + 2] = r[2];
    return 3;
  };
  const pairs = dualFn('pairs', fast, gen);
  pairs.yieldable = true; // __pairs may yield, as in the reference
  return pairs;
}

function ipairsAuxFast(L: LuaThread, base: number, n: number): number {
  const s = L.stack;
  const t = s[base];
  const i = intAdd(checkInteger(L, base, n, 2), 1);
  if (t instanceof LuaTable && t.metatable === null) {
    const v = typeof i === 'number' ? t.getInt(i) : t.get(i);
    if (v === undefined) {
      s[base] = undefined;
      return 1;
    }
    s[base] = i;
    s[base + 1] = v;
    return 2;
  }
  return -1;
}

function* ipairsAuxGen(L: LuaThread, base: number, n: number): Generator<CallRequest, number, LuaValue> {
  const s = L.stack;
  const t = s[base];
  const i = intAdd(checkInteger(L, base, n, 2), 1);
  const v = yield* indexGen(L, t, i);
  if (v === undefined) {
    s[base] = undefined;
    return 1;
  }
  s[base] = i;
  s[base + 1] = v;
  return 2;
}

/** t[k] with metamethods, from a generator native. */
export function* indexGen(L: LuaThread, t: LuaValue, k: LuaValue): Generator<CallRequest, LuaValue, LuaValue> {
  for (let loop = 0; loop < 2000; loop++) {
    let tm: LuaValue;
    if (t instanceof LuaTable) {
      const v = t.get(k);
      if (v !== undefined) return v;
      const mt = t.metatable;
      if (mt === null) return undefined;
      tm = mt.getStr('__index');
      if (tm === undefined) return undefined;
    } else {
      tm = getTM(L.vm, t, '__index');
      if (tm === undefined) throw new LuaThrow(`attempt to index a ${objTypeName(L.vm, t)} value`);
    }
    if (isFunction(tm)) {
      return yield new CallRequest(tm, [t, k], 1);
    }
    t = tm;
  }
  nativeError(L, "'__index' chain too long; possibly a loop");
}

/** t[k] = v with metamethods, from a generator native. */
export function* newindexGen(L: LuaThread, t: LuaValue, k: LuaValue, v: LuaValue): Generator<CallRequest, void, LuaValue> {
  for (let loop = 0; loop < 2000; loop++) {
    let tm: LuaValue;
    if (t instanceof LuaTable) {
      if (t.get(k) !== undefined || t.metatable === null || (tm = t.metatable.getStr('__newindex')) === undefined) {
        rawSet(t, k, v);
        return;
      }
    } else {
      tm = getTM(L.vm, t, '__newindex');
      if (tm === undefined) throw new LuaThrow(`attempt to index a ${objTypeName(L.vm, t)} value`);
    }
    if (isFunction(tm)) {
      yield new CallRequest(tm, [t, k, v], 1);
      return;
    }
    t = tm;
  }
  nativeError(L, "'__newindex' chain too long; possibly a loop");
}

/** t[k] = v without metamethods; a nil or NaN key is an error (raised without a position). */
function rawSet(t: LuaTable, k: LuaValue, v: LuaValue): void {
  if (k === undefined) throw new LuaThrow('table index is nil');
  if (typeof k === 'number' && k !== k) throw new LuaThrow('table index is NaN');
  t.set(k, v);
}

function luaSelect(L: LuaThread, base: number, n: number): number {
  const s = L.stack;
  const first = arg(L, base, n, 1);
  if (typeof first === 'string' && first.charCodeAt(0) === 35) { // '#'
    s[base] = n - 1;
    return 1;
  }
  let i = checkIntNum(L, base, n, 1);
  if (i < 0) i = n + i;
  else if (i > n) i = n;
  if (i < 1) argError(L, 1, 'index out of range');
  const cnt = n - i;
  for (let j = 0; j < cnt; j++) s[base + j] = s[base + i + j];
  return cnt;
}

function rawEqual(a: LuaValue, b: LuaValue): boolean {
  if (a === b) return true;
  return isNum(a) && isNum(b) && numEQ(a, b);
}

function luaGetmetatable(L: LuaThread, base: number, n: number): number {
  const v = checkAny(L, base, n, 1);
  const mt = getMetatable(L.vm, v);
  // a __metatable field stands for the metatable
  L.stack[base] = mt === null ? undefined : mt.getStr('__metatable') ?? mt;
  return 1;
}

function luaSetmetatable(L: LuaThread, base: number, n: number): number {
  const s = L.stack;
  const t = checkTable(L, base, n, 1);
  const mt = arg(L, base, n, 2);
  if (!(mt instanceof LuaTable) && (mt !== undefined || n < 2)) typeErrorArg(L, base, n, 2, 'nil or table');
  if (t.metatable?.getStr('__metatable') !== undefined) {
    nativeError(L, 'cannot change a protected metatable');
  }
  t.metatable = mt === undefined ? null : mt;
  if (mt instanceof LuaTable && mt.getStr('__gc') !== undefined) L.vm.markFinalizable(t);
  s[base] = t;
  return 1;
}

function luaAssert(L: LuaThread, base: number, n: number): number {
  const v = checkAny(L, base, n, 1);
  if (v !== undefined && v !== false) return n;
  // like error(msg, 1): a string message gets the caller's position
  const msg = n >= 2 ? L.stack[base + 1] : 'assertion failed!';
  throw new LuaThrow(typeof msg === 'string' ? whereLevel(L, 1) + msg : msg);
}

function luaError(L: LuaThread, base: number, n: number): number {
  const level = optInteger(L, base, n, 2, 1);
  let ev = arg(L, base, n, 1);
  // (a level that is not a safe integer is beyond the stack: no position)
  if (typeof ev === 'string' && typeof level === 'number' && level > 0) ev = whereLevel(L, level) + ev;
  throw new LuaThrow(ev);
}

/** luaL_where(L, level): position of the function at `level` (1 = caller of the native). */
export function whereLevel(L: LuaThread, level: number): string {
  let ci = L.ci;
  for (let l = level; l > 0 && ci >= 0; l--) {
    ci--;
    // the entry frame of a debug hook call is not a level
    if (ci > 0 && L.frames[ci].hookCall !== 0) ci--;
  }
  if (ci < 0) return '';
  return whereL(L, ci);
}

function luaRawget(L: LuaThread, base: number, n: number): number {
  const t = checkTable(L, base, n, 1);
  const k = checkAny(L, base, n, 2);
  L.stack[base] = t.get(k);
  return 1;
}

function luaRawset(L: LuaThread, base: number, n: number): number {
  const t = checkTable(L, base, n, 1);
  const k = checkAny(L, base, n, 2);
  rawSet(t, k, checkAny(L, base, n, 3));
  L.stack[base] = t;
  return 1;
}

function luaRawequal(L: LuaThread, base: number, n: number): number {
  const a = checkAny(L, base, n, 1);
  const b = checkAny(L, base, n, 2);
  L.stack[base] = rawEqual(a, b);
  return 1;
}

function luaRawlen(L: LuaThread, base: number, n: number): number {
  const v = arg(L, base, n, 1);
  if (v instanceof LuaTable) L.stack[base] = v.length();
  else if (typeof v === 'string') L.stack[base] = v.length;
  else typeErrorArg(L, base, n, 1, 'table or string');
  return 1;
}

const GC_OPTS = ['stop', 'restart', 'collect', 'count', 'step', 'setpause', 'setstepmul', 'isrunning', 'generational', 'incremental'] as const;

/**
 * Run the __gc metamethods of the objects queued by the last collection. Errors in a
 * finalizer become warnings (manual §2.5.3). A catching generator (see NativeFunction.catches).
 */
export function* runFinalizers(L: LuaThread): Generator<CallRequest, void, LuaValue> {
  const vm = L.vm;
  while (vm.tobefnz.length > 0) {
    const o = vm.tobefnz.shift()!;
    const tm = getTM(vm, o, '__gc');
    if (tm === undefined || tm === false) continue;
    if (!isFunction(tm) && getTM(vm, tm, '__call') === undefined) {
      // calling it fails before any Lua code runs (luaG_callerror names the metamethod)
      warnMessage(vm, `error in __gc (attempt to call a ${objTypeName(vm, tm)} value (metamethod '__gc'))`);
      continue;
    }
    vm.gcInFinalizer++;
    try {
      yield new CallRequest(tm, [o], 1);
    } catch (e) {
      const v = e instanceof LuaThrow ? e.value : e;
      // luaE_warnerror: only a string is a message (a number is not)
      const msg = typeof v === 'string' ? v : 'error object is not a string';
      warnMessage(vm, `error in __gc (${msg})`);
    } finally {
      vm.gcInFinalizer--;
    }
  }
}

function warnMessage(vm: LuaVM, msg: string): void {
  if (vm.warnOn) vm.stderr(`Lua warning: ${msg}\n`);
}

/** A pause or step multiplier as the collector stores it: an int, divided by 4, in a byte. */
function gcParam(v: number): number {
  return ((Math.trunc((v | 0) / 4) % 256) + 256) % 256 * 4;
}

function luaCollectgarbageFast(L: LuaThread, base: number, n: number): number {
  const vm = L.vm;
  const o = GC_OPTS[checkOption(L, base, n, 1, 'collect', GC_OPTS)];
  let r: LuaValue; // the result
  if (vm.gcInFinalizer > 0) {
    // the collector is not reentrant: inside a finalizer every option fails
    r = undefined;
  } else {
    switch (o) {
      case 'count': {
        const kb = vm.gcCount();
        r = Number.isInteger(kb) ? new LuaFloat(kb) : kb;
        break;
      }
      case 'step': case 'collect':
        return -1;
      case 'isrunning':
        r = vm.gcrunning;
        break;
      case 'stop': case 'restart':
        vm.gcrunning = o === 'restart';
        r = 0;
        break;
      case 'setpause': case 'setstepmul': {
        const param = o === 'setpause' ? 'gcpause' : 'gcstepmul';
        r = vm[param];
        vm[param] = gcParam(optIntNum(L, base, n, 2, 0));
        break;
      }
      default: { // 'generational', 'incremental'
        // the tuning arguments are checked (and ignored): 2 for generational, 3 for incremental
        const last = o === 'generational' ? 3 : 4;
        for (let i = 2; i <= last; i++) optIntNum(L, base, n, i, 0);
        r = vm.gcmode;
        vm.gcmode = o;
      }
    }
  }
  L.stack[base] = r;
  return 1;
}

function* luaCollectgarbageGen(L: LuaThread, base: number, n: number): Generator<CallRequest, number, LuaValue> {
  const o = GC_OPTS[checkOption(L, base, n, 1, 'collect', GC_OPTS)];
  if (o === 'step') optIntNum(L, base, n, 2, 0);
  fullCollection(L.vm);
  yield* runFinalizers(L);
  L.stack[base] = o === 'step' ? true : 0;
  return 1;
}

function luaWarn(L: LuaThread, base: number, n: number): number {
  let msg = checkString(L, base, n, 1);
  for (let i = 2; i <= n; i++) msg += checkString(L, base, n, i);
  const vm = L.vm;
  if (n === 1 && msg[0] === '@') {
    if (msg === '@on') vm.warnOn = true;
    else if (msg === '@off') vm.warnOn = false;
    return 0;
  }
  warnMessage(vm, msg);
  return 0;
}

/** What a text-only `load` (see newLoad) says of a binary chunk: lua5.4's words for mode "t". */
export const BINARY_LOAD_REFUSED = "attempt to load a binary chunk (mode is 't')";

/**
 * load (chunk [, chunkname [, mode [, env]]]). With `binary` false (sandbox policies) a
 * binary chunk is refused whatever the mode argument says; text chunks are unaffected.
 */
function* loadGen(L: LuaThread, base: number, n: number, binary: boolean): Generator<CallRequest, number, LuaValue> {
  const s = L.stack;
  const chunk = arg(L, base, n, 1);
  const hasEnv = n >= 4;
  const env = s[base + 3];
  const mode = optString(L, base, n, 3, 'bt');
  let text: string;
  let chunkname: string;
  if (typeof chunk === 'string' || isNumber(chunk)) {
    text = checkString(L, base, n, 1);
    chunkname = optString(L, base, n, 2, text);
  } else if (isFunction(chunk)) {
    chunkname = optString(L, base, n, 2, '=(load)');
    // pieces are joined in batches: a reader returning millions of tiny pieces must not
    // grow one JS array past the host's limits (a fatal error, not an exception)
    let parts: string[] = [];
    let total = 0;
    text = '';
    for (;;) {
      let piece: LuaValue;
      try {
        piece = yield new CallRequest(chunk, [], 1);
      } catch (e) {
        // errors in the reader make load fail (load is a catching generator)
        return failResults(L, base, e instanceof LuaThrow ? e.value : String(e));
      }
      if (piece === undefined || piece === '') break;
      // lua_isstring: a number is a piece too (generic_reader converts it)
      if (isNumber(piece)) piece = numberToString(piece);
      if (typeof piece !== 'string') {
        // luaL_error in generic_reader: positioned at load's caller
        return failResults(L, base, whereL(L, L.ci - 1) + 'reader function must return a string');
      }
      total += piece.length;
      if (total > MAXSTRLEN) {
        // the chunk cannot be held: the memory error lua_load reports
        return failResults(L, base, 'not enough memory');
      }
      parts.push(piece);
      if (parts.length >= 4096) {
        text += parts.join('');
        parts = [];
      }
    }
    text += parts.join('');
  } else {
    optString(L, base, n, 2, '=(load)'); // checked before the chunk's type, as luaB_load does
    typeErrorArg(L, base, n, 1, 'function');
  }
  if (!binary && text.charCodeAt(0) === 27) { // the first byte of the signature (ESC)
    return failResults(L, base, BINARY_LOAD_REFUSED);
  }
  return loadResults(L, base, loadChunk(L.vm, text, chunkname, mode), hasEnv, env);
}

/**
 * The results of load and loadfile: the loaded function, with env as its first upvalue when
 * one is given; or nil and the message when loading failed.
 */
function loadResults(L: LuaThread, base: number, r: LuaClosure | string, hasEnv: boolean, env: LuaValue): number {
  if (typeof r === 'string') return failResults(L, base, r);
  if (hasEnv && r.upvals.length > 0) r.upvals[0] = closedUpval(env);
  L.stack[base] = r;
  return 1;
}

/** A `load` function; `binary` false makes one that only accepts text chunks. */
export function newLoad(binary: boolean): NativeFunction {
  const load = nativeGen('load', (L, base, n) => loadGen(L, base, n, binary));
  load.catches = true; // errors in a reader function make load fail
  return load;
}

export function closedUpval(v: LuaValue): UpVal {
  const uv = new UpVal(upvalCell(v), 0);
  uv.open = false;
  return uv;
}

/** Load the file fname (stdin when undefined): the function, or the error message. */
function loadFile(L: LuaThread, fname: string | undefined, mode: string): LuaClosure | string {
  const vm = L.vm;
  const text = (fname === undefined ? vm.readStdin?.() : vm.readFile?.(fname)) ?? null;
  if (text === null) return `cannot open ${fname ?? 'stdin'}: ${vm.fileError}`;
  return loadChunk(vm, skipFilePrefix(text), fname === undefined ? '=stdin' : '@' + fname, mode);
}

/** The optional file name argument of loadfile and dofile (undefined: stdin). */
function optFileName(L: LuaThread, base: number, n: number): string | undefined {
  return arg(L, base, n, 1) === undefined ? undefined : cString(checkString(L, base, n, 1));
}

function luaLoadfile(L: LuaThread, base: number, n: number): number {
  const fname = optFileName(L, base, n);
  const mode = optString(L, base, n, 2, 'bt');
  const env = L.stack[base + 2];
  return loadResults(L, base, loadFile(L, fname, mode), n >= 3, env);
}

function* dofileGen(L: LuaThread, base: number, n: number): Generator<CallRequest, number, LuaValue> {
  const r = loadFile(L, optFileName(L, base, n), 'bt');
  if (typeof r === 'string') throw new LuaThrow(r);
  const res = (yield new CallRequest(r, [], -1)) as LuaValue[];
  L.ensureStack(base + res.length + 1);
  const st = L.stack;
  for (let i = 0; i < res.length; i++) st[base + i] = res[i];
  return res.length;
}

/** Install the basic library into vm.globals. */
export function openBase(vm: LuaVM): void {
  const G = vm.globals;
  G.setStr('_G', G);
  G.setStr('_VERSION', 'Lua 5.4');
  const next = nativeFn('next', luaNext);
  next.iter = ITER_NEXT;
  const ipairsAux = dualFn('ipairs_aux', ipairsAuxFast, ipairsAuxGen);
  ipairsAux.iter = ITER_IPAIRS;
  const dofile = nativeGen('dofile', dofileGen);
  dofile.yieldable = true; // as in the reference, a chunk run by dofile may yield
  const collectgarbage = dualFn('collectgarbage', luaCollectgarbageFast, luaCollectgarbageGen);
  collectgarbage.catches = true;
  setFuncs(G, [
    dualFn('print', printFast, printGen),
    dualFn('tostring', tostringFastN, tostringGenN),
    nativeFn('type', luaType),
    nativeFn('tonumber', luaTonumber),
    next,
    makePairs(next),
    nativeFn('ipairs', (L, base, n) => {
      const v = checkAny(L, base, n, 1);
      const s = L.stack;
      s[base] = ipairsAux;
      s[base + 1] = v;
      s[base + 2] = 0;
      return 3;
    }),
    nativeFn('select', luaSelect),
    nativeFn('rawget', luaRawget),
    nativeFn('rawset', luaRawset),
    nativeFn('rawequal', luaRawequal),
    nativeFn('rawlen', luaRawlen),
    nativeFn('getmetatable', luaGetmetatable),
    nativeFn('setmetatable', luaSetmetatable),
    nativeFn('assert', luaAssert),
    nativeFn('error', luaError),
    new NativeFunction('pcall', null, null, SPECIAL.PCALL, null),
    new NativeFunction('xpcall', null, null, SPECIAL.XPCALL, null),
    newLoad(true),
    nativeFn('loadfile', luaLoadfile),
    dofile,
    collectgarbage,
    nativeFn('warn', luaWarn),
  ]);
  vm.loaded.setStr('_G', G);
  const finalizer = nativeGen('(finalizers)', function* (L: LuaThread) {
    yield* runFinalizers(L);
    return 0;
  });
  finalizer.catches = true;
  vm.runFinalizers = () => {
    try {
      callValue(vm, finalizer, []);
    } catch (e) {
      // errors in finalizers are warnings; a limit reached in one stops the run
      if (e instanceof VMSignal) throw e;
    }
  };
}

export { rawEqual };
