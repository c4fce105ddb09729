/**
 * The table library (manual §6.6): concat, insert, move, pack, remove, sort, unpack.
 *
 * As in lua5.4, element reads and writes go through __index/__newindex, lengths through
 * __len (lua_geti, lua_seti, luaL_len), and the table argument may be any value whose
 * metatable has the fields an operation needs. Every function except pack is a dual native:
 * - the plain form handles tables that need no metamethods (no metatable, or one without
 *   __index/__newindex/__len) directly on the table; it returns -1 before any side effect
 *   when it meets anything else;
 * - the generator form does everything through indexGen/newindexGen/lenGen, yielding a
 *   CallRequest for each metamethod call (and for each comparator call of sort).
 * Positions in the generator forms are Lua integers (number or bigint) with 64-bit
 * wrap-around arithmetic, as the reference's lua_Integer.
 *
 * The plain form of sort takes only the default order on lists of numbers (no NaN) or of
 * strings, which it sorts with the engine's own sort (numbers through a Float64Array): any
 * correct sort gives the same list there, up to the order of equal values (1 and 1.0), which
 * the manual leaves unspecified. Everything else runs the generator's quicksort.
 *
 * sort is an in-place quicksort on the table (median of three, Hoare partition, smaller
 * part first with an explicit stack, so no JS recursion). Partitions of more than
 * SORT_SMALL elements have a depth budget; when it runs out the range is heapsorted, which
 * bounds the worst case to O(n log n). An inconsistent comparator is detected, as in the
 * reference, when a partition scan runs past its bounds: "invalid order function for
 * sorting".
 */
import {
  LuaUserdata, nativeFn, isFunction, isNumber, numberToString, toIntegerCoerce,
  typeName,
} from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import type { LuaThread, LuaVM } from '../vm/state.js';
import { MAXSTACK } from '../vm/state.js';
import { CallRequest } from '../vm/interp.js';
import { LuaThrow } from '../vm/errors.js';
import { TM, fastTM, getMetatable, getTM, objTypeName } from '../vm/meta.js';
import { intAdd, intSub, numLT, numEQ } from '../vm/arith.js';
import {
  arg, argError, checkInteger, nativeError, optInteger, optString, typeErrorArg, dualFn, setFuncs,
  registerLib,
} from '../vm/auxlib.js';
import { indexGen, newindexGen } from './base.js';
import { charge, checkAlloc, chargeString } from '../vm/limits.js';

type Int = number | bigint;
type Gen<T> = Generator<CallRequest, T, LuaValue>;

/** what checkTab requires of a non-table argument's metatable */
const TAB_R = 1; // __index
const TAB_W = 2; // __newindex
const TAB_L = 4; // __len
const TAB_RW = TAB_R | TAB_W;

const INT_MAX = 2147483647;

// ---------------------------------------------------------------------------------------
// shared helpers (also used by math.max/min)

/** A table whose reads, writes and length need no metamethods. */
function isPlain(v: LuaValue): v is LuaTable {
  if (!(v instanceof LuaTable)) return false;
  const mt = v.metatable;
  return mt === null
    || (fastTM(mt, TM.INDEX) === undefined && fastTM(mt, TM.NEWINDEX) === undefined && fastTM(mt, TM.LEN) === undefined);
}

/**
 * The argument must be a table, or have a metatable with the fields `what` asks for
 * (ltablib's checktab).
 */
function checkTab(L: LuaThread, base: number, nargs: number, narg: number, what: number): void {
  const v = arg(L, base, nargs, narg);
  if (v instanceof LuaTable) return;
  const mt = getMetatable(L.vm, v);
  if (mt !== null
    && ((what & TAB_R) === 0 || mt.getStr('__index') !== undefined)
    && ((what & TAB_W) === 0 || mt.getStr('__newindex') !== undefined)
    && ((what & TAB_L) === 0 || mt.getStr('__len') !== undefined)) return;
  typeErrorArg(L, base, nargs, narg, 'table');
}

/** `a < b` for two numbers or two strings; null when a metamethod (or an error) decides. */
export function rawLess(a: LuaValue, b: LuaValue): boolean | null {
  const ta = typeof a;
  const tb = typeof b;
  if ((ta === 'number' && tb === 'number') || (ta === 'string' && tb === 'string')) return a < b;
  if (isNumber(a) && isNumber(b)) return numLT(a, b);
  return null;
}

/**
 * The call that decides `a < b` when a and b are not two numbers or two strings: their __lt
 * metamethod (§3.4.4). Without one, the order error, raised inside the native and so without
 * a position (luaG_ordererror).
 */
function ltRequest(L: LuaThread, a: LuaValue, b: LuaValue): CallRequest {
  const tm = getTM(L.vm, a, '__lt') ?? getTM(L.vm, b, '__lt');
  if (tm === undefined) {
    const t1 = objTypeName(L.vm, a);
    const t2 = objTypeName(L.vm, b);
    throw new LuaThrow(t1 === t2 ? `attempt to compare two ${t1} values` : `attempt to compare ${t1} with ${t2}`);
  }
  return new CallRequest(tm, [a, b], 1);
}

/** The `<` operator with __lt (§3.4.4), from a generator native. */
export function* lessThanGen(L: LuaThread, a: LuaValue, b: LuaValue): Gen<boolean> {
  const r = rawLess(a, b);
  if (r !== null) return r;
  return truthy(yield ltRequest(L, a, b));
}

/** The `==` operator with __eq (§3.4.4), from a generator native. */
function* equalGen(L: LuaThread, a: LuaValue, b: LuaValue): Gen<boolean> {
  if (a === b) return true;
  if (isNumber(a) && isNumber(b)) return numEQ(a, b);
  const tables = a instanceof LuaTable && b instanceof LuaTable;
  if (!tables && !(a instanceof LuaUserdata && b instanceof LuaUserdata)) return false;
  const tm = getTM(L.vm, a, '__eq') ?? getTM(L.vm, b, '__eq');
  if (tm === undefined) return false;
  return truthy(yield new CallRequest(tm, [a, b], 1));
}

/** luaL_len: the length of v with __len; the result must be an integer. */
export function* lenGen(L: LuaThread, v: LuaValue): Gen<Int> {
  if (typeof v === 'string') return v.length;
  const tm = getTM(L.vm, v, '__len');
  if (tm === undefined) {
    if (v instanceof LuaTable) return v.length();
    throw new LuaThrow(`attempt to get length of a ${objTypeName(L.vm, v)} value`);
  }
  const r = yield new CallRequest(tm, [v], 1);
  const n = toIntegerCoerce(r);
  if (n === undefined) nativeError(L, 'object length is not an integer');
  return n;
}

/** (lua_Unsigned)a < (lua_Unsigned)b */
function ult(a: Int, b: Int): boolean {
  if (typeof a === 'number' && typeof b === 'number' && a >= 0 && b >= 0) return a < b;
  return BigInt.asUintN(64, BigInt(a)) < BigInt.asUintN(64, BigInt(b));
}

// ---------------------------------------------------------------------------------------
// table.insert (list, [pos,] value)

function insertPlain(L: LuaThread, base: number, nargs: number): number {
  const s = L.stack;
  const t = s[base];
  if (nargs < 1 || !isPlain(t)) return -1;
  const e = t.length() + 1;
  if (nargs === 2) {
    t.setInt(e, s[base + 1]);
    return 0;
  }
  if (nargs !== 3) nativeError(L, "wrong number of arguments to 'insert'");
  const pos = checkInteger(L, base, nargs, 2);
  if (typeof pos !== 'number' || pos < 1 || pos > e) argError(L, 2, 'position out of bounds');
  const v = s[base + 2];
  const arr = t.arr;
  if (pos < e && arr.length === e - 1 && t.hmap.size === 0) {
    arr.splice(pos - 1, 0, v); // the array part holds exactly 1..e-1: shift it at once
    return 0;
  }
  shiftUp(t, pos, e);
  t.setInt(pos, v);
  return 0;
}

/** t[pos+1..e] = t[pos..e-1] (a loop alone in its function: see joinedLength). */
function shiftUp(t: LuaTable, pos: number, e: number): void {
  for (let i = e; i > pos; i--) t.setInt(i, t.getInt(i - 1));
}

function* insertGen(L: LuaThread, base: number, nargs: number): Gen<number> {
  checkTab(L, base, nargs, 1, TAB_RW | TAB_L);
  const t = L.stack[base];
  const e = intAdd(yield* lenGen(L, t), 1);
  let pos: Int = e;
  const v = L.stack[base + nargs - 1]; // the last argument
  if (nargs === 3) {
    pos = checkInteger(L, base, nargs, 2);
    // 1 <= pos <= e, compared as unsigned numbers as the reference does
    if (!ult(intSub(pos, 1), e)) argError(L, 2, 'position out of bounds');
    for (let i = e; i > pos; i = intSub(i, 1)) {
      const x = yield* indexGen(L, t, intSub(i, 1));
      yield* newindexGen(L, t, i, x);
    }
  } else if (nargs !== 2) {
    nativeError(L, "wrong number of arguments to 'insert'");
  }
  yield* newindexGen(L, t, pos, v);
  return 0;
}

// ---------------------------------------------------------------------------------------
// table.remove (list [, pos])

function removePlain(L: LuaThread, base: number, nargs: number): number {
  const s = L.stack;
  const t = s[base];
  if (nargs < 1 || !isPlain(t)) return -1;
  const size = t.length();
  const p = optInteger(L, base, nargs, 2, size);
  // the reference names argument #1 here
  if (p !== size && (typeof p !== 'number' || p < 1 || p > size + 1)) argError(L, 1, 'position out of bounds');
  let pos = p as number;
  const v = t.getInt(pos);
  const arr = t.arr;
  if (pos >= 1 && pos < size && arr.length === size) {
    arr.copyWithin(pos - 1, pos, size);
    arr[size - 1] = undefined;
  } else {
    for (; pos < size; pos++) t.setInt(pos, t.getInt(pos + 1));
    t.setInt(pos, undefined);
  }
  s[base] = v;
  return 1;
}

function* removeGen(L: LuaThread, base: number, nargs: number): Gen<number> {
  checkTab(L, base, nargs, 1, TAB_RW | TAB_L);
  const t = L.stack[base];
  const size = yield* lenGen(L, t);
  let pos = optInteger(L, base, nargs, 2, size);
  // 1 <= pos <= size + 1, compared as unsigned numbers
  if (pos !== size && ult(size, intSub(pos, 1))) argError(L, 1, 'position out of bounds');
  const v = yield* indexGen(L, t, pos);
  for (; pos < size; pos = intAdd(pos, 1)) {
    const x = yield* indexGen(L, t, intAdd(pos, 1));
    yield* newindexGen(L, t, pos, x);
  }
  yield* newindexGen(L, t, pos, undefined);
  L.stack[base] = v;
  return 1;
}

// ---------------------------------------------------------------------------------------
// table.concat (list [, sep [, i [, j]]])

/** The piece list[i] = v of a concatenation: a string, or a number converted as tostring does. */
function concatPiece(L: LuaThread, v: LuaValue, i: Int): string {
  if (typeof v === 'string') return v;
  if (!isNumber(v)) nativeError(L, `invalid value (${typeName(v)}) at index ${i} in table for 'concat'`);
  return numberToString(v);
}

/** Join pieces, checking the size first (JS strings have a maximum length). */
// (The loops over the pieces are functions of their own that end right after the loop: V8
// may compile a long-running loop on its own, on-stack, before the code after it ever ran, and
// that code then gives up the compiled loop each time the loop is entered again.)

/** Length of the pieces joined by sep. */
function joinedLength(parts: string[], sep: string): number {
  let total = sep.length * Math.max(0, parts.length - 1);
  for (let k = 0; k < parts.length; k++) total += parts[k].length;
  return total;
}

function joinPieces(L: LuaThread, parts: string[], sep: string): string {
  const total = joinedLength(parts, sep);
  charge(L.vm, parts.length);
  chargeString(L.vm, total);
  if (total > 0x1fffffe8) throw new LuaThrow('not enough memory');
  return parts.join(sep);
}

function concatPlain(L: LuaThread, base: number, nargs: number): number {
  const s = L.stack;
  const t = s[base];
  if (nargs < 1 || !isPlain(t)) return -1;
  const len = t.length();
  const sep = optString(L, base, nargs, 2, '');
  const i = optInteger(L, base, nargs, 3, 1);
  const last = optInteger(L, base, nargs, 4, len);
  if (typeof i !== 'number' || typeof last !== 'number') return -1;
  s[base] = joinPieces(L, plainPieces(L, t, i, last), sep);
  return 1;
}

/** The pieces t[i..last] of table.concat for a table without a metatable. */
function plainPieces(L: LuaThread, t: LuaTable, i: number, last: number): string[] {
  const parts: string[] = [];
  for (let k = i; k <= last; k++) parts.push(concatPiece(L, t.getInt(k), k));
  return parts;
}

function* concatGen(L: LuaThread, base: number, nargs: number): Gen<number> {
  checkTab(L, base, nargs, 1, TAB_R | TAB_L);
  const t = L.stack[base];
  const len = yield* lenGen(L, t);
  const sep = optString(L, base, nargs, 2, '');
  let i = optInteger(L, base, nargs, 3, 1);
  const last = optInteger(L, base, nargs, 4, len);
  const parts: string[] = [];
  // i <= last, written so that i never steps past maxinteger
  if (i <= last) {
    for (;;) {
      parts.push(concatPiece(L, yield* indexGen(L, t, i), i));
      if (i === last) break;
      i = intAdd(i, 1);
    }
  }
  L.stack[base] = joinPieces(L, parts, sep);
  return 1;
}

// ---------------------------------------------------------------------------------------
// table.pack (...), table.unpack (list [, i [, j]])

function tablePack(L: LuaThread, base: number, nargs: number): number {
  const s = L.stack;
  // an array of nargs slots (16 bytes each, as the collector counts them), checked first
  if (nargs > 1024) checkAlloc(L.vm, nargs * 16);
  charge(L.vm, nargs);
  const t = new LuaTable();
  for (let k = 0; k < nargs; k++) t.setInt(k + 1, s[base + k]);
  t.setStr('n', nargs);
  s[base] = t;
  return 1;
}

/** Number of results of unpack(i..e), i <= e, checked against the stack limit. */
function unpackCount(L: LuaThread, base: number, i: Int, e: Int): number {
  const n = typeof i === 'number' && typeof e === 'number' ? e - i : Number(BigInt.asUintN(64, BigInt(e) - BigInt(i)));
  if (n >= INT_MAX || base + n + 1 > MAXSTACK) nativeError(L, 'too many results to unpack');
  return n + 1;
}

function unpackPlain(L: LuaThread, base: number, nargs: number): number {
  const s = L.stack;
  const t = s[base];
  if (nargs < 1 || !isPlain(t)) return -1;
  const i = optInteger(L, base, nargs, 2, 1);
  const e = arg(L, base, nargs, 3) === undefined ? t.length() : checkInteger(L, base, nargs, 3);
  if (i > e) return 0;
  const n = unpackCount(L, base, i, e);
  charge(L.vm, n);
  L.ensureStack(base + n);
  const st = L.stack;
  if (typeof i === 'number' && typeof e === 'number') {
    if (i >= 1 && e <= t.arr.length) {
      const arr = t.arr;
      for (let k = 0; k < n; k++) st[base + k] = arr[i - 1 + k];
    } else {
      for (let k = 0; k < n; k++) st[base + k] = t.getInt(i + k);
    }
  } else {
    for (let k = 0; k < n; k++) st[base + k] = t.get(intAdd(i, k));
  }
  return n;
}

function* unpackGen(L: LuaThread, base: number, nargs: number): Gen<number> {
  const t = arg(L, base, nargs, 1);
  const i = optInteger(L, base, nargs, 2, 1);
  const e = arg(L, base, nargs, 3) === undefined ? yield* lenGen(L, t) : checkInteger(L, base, nargs, 3);
  if (i > e) return 0;
  const n = unpackCount(L, base, i, e);
  charge(L.vm, n);
  const vals: LuaValue[] = [];
  for (let k = 0; k < n; k++) vals.push(yield* indexGen(L, t, intAdd(i, k)));
  L.ensureStack(base + n);
  const st = L.stack;
  for (let k = 0; k < n; k++) st[base + k] = vals[k];
  return n;
}

// ---------------------------------------------------------------------------------------
// table.move (a1, f, e, t [, a2])

function movePlain(L: LuaThread, base: number, nargs: number): number {
  const s = L.stack;
  const f = checkInteger(L, base, nargs, 2);
  const e = checkInteger(L, base, nargs, 3);
  const t = checkInteger(L, base, nargs, 4);
  const a1 = s[base];
  const a2 = arg(L, base, nargs, 5) ?? a1;
  if (!isPlain(a1) || !isPlain(a2)) return -1;
  if (typeof f !== 'number' || typeof e !== 'number' || typeof t !== 'number') return -1;
  if (a1 !== a2 && (fastTM(a1.metatable, TM.EQ) !== undefined || fastTM(a2.metatable, TM.EQ) !== undefined)) return -1;
  // with |f|, |e|, |t| < 2^53 the reference's overflow checks cannot fail
  if (e >= f) {
    const n = e - f;
    const vm = L.vm;
    // backwards when the destination overlaps the end of the source
    const forward = t > e || t <= f || a1 !== a2;
    const step = forward ? 1 : -1;
    for (let k = forward ? 0 : n; k >= 0 && k <= n; k += step) {
      if ((k & 1023) === 1023) charge(vm, 1024);
      a2.setInt(t + k, a1.getInt(f + k));
    }
  }
  s[base] = a2;
  return 1;
}

const MAXINT = 9223372036854775807n;

function* moveGen(L: LuaThread, base: number, nargs: number): Gen<number> {
  const f = checkInteger(L, base, nargs, 2);
  const e = checkInteger(L, base, nargs, 3);
  const t = checkInteger(L, base, nargs, 4);
  const tt = arg(L, base, nargs, 5) !== undefined ? 5 : 1;
  checkTab(L, base, nargs, 1, TAB_R);
  checkTab(L, base, nargs, tt, TAB_W);
  const a1 = L.stack[base];
  const a2 = L.stack[base + tt - 1];
  if (e >= f) {
    if (!(f > 0 || e < MAXINT + BigInt(f))) argError(L, 3, 'too many elements to move');
    const n = intSub(e, f);
    if (t > MAXINT - BigInt(n)) argError(L, 4, 'destination wrap around');
    let forward = t > e || t <= f;
    if (!forward && tt !== 1) forward = !(yield* equalGen(L, a1, a2));
    const step = forward ? 1 : -1;
    for (let k: Int = forward ? 0 : n; k >= 0 && k <= n; k = intAdd(k, step)) {
      charge(L.vm, 1);
      const v = yield* indexGen(L, a1, intAdd(f, k));
      yield* newindexGen(L, a2, intAdd(t, k), v);
    }
  }
  L.stack[base] = a2;
  return 1;
}

// ---------------------------------------------------------------------------------------
// table.sort (list [, comp])

/** Partitions larger than this get a depth budget (smaller ones are sorted as is). */
const SORT_SMALL = 100;

/** What a sort works on: the list, and the comparator's reusable call request (or null). */
interface SortState {
  readonly L: LuaThread;
  readonly t: LuaValue;
  readonly req: CallRequest | null;
}

/**
 * a < b in the sort's order: the answer, or the call that gives it (the comparator, or __lt
 * for `<`). Callers write `o === true || (o !== false && truthy(yield o))`.
 */
function order(st: SortState, a: LuaValue, b: LuaValue): boolean | CallRequest {
  const req = st.req;
  if (req !== null) {
    req.args[0] = a;
    req.args[1] = b;
    return req;
  }
  return rawLess(a, b) ?? ltRequest(st.L, a, b);
}

/** list[i] (through __index unless the list is plain) */
function* geti(st: SortState, i: number): Gen<LuaValue> {
  const t = st.t;
  if (isPlain(t)) return t.getInt(i);
  return yield* indexGen(st.L, t, i);
}

/** list[i] = v (through __newindex unless the list is plain) */
function* seti(st: SortState, i: number, v: LuaValue): Gen<void> {
  const t = st.t;
  if (isPlain(t)) t.setInt(i, v);
  else yield* newindexGen(st.L, t, i, v);
}

/** list[i] = v, list[j] = w */
function* set2(st: SortState, i: number, v: LuaValue, j: number, w: LuaValue): Gen<void> {
  yield* seti(st, i, v);
  yield* seti(st, j, w);
}

function truthy(v: LuaValue): boolean {
  return v !== undefined && v !== false;
}

function invalidOrder(L: LuaThread): never {
  nativeError(L, 'invalid order function for sorting');
}

/** Heapsort of list[lo..up]: the fallback that bounds the quicksort's worst case. */
function* heapSort(st: SortState, lo: number, up: number): Gen<void> {
  const m = up - lo + 1;
  for (let k = (m >> 1) - 1; k >= 0; k--) yield* siftDown(st, lo, k, m);
  for (let end = m - 1; end > 0; end--) {
    const a = yield* geti(st, lo);
    const b = yield* geti(st, lo + end);
    yield* set2(st, lo, b, lo + end, a);
    yield* siftDown(st, lo, 0, end);
  }
}

/** Move heap element k (of the m-element max-heap at list[lo..]) down to its place. */
function* siftDown(st: SortState, lo: number, k: number, m: number): Gen<void> {
  const v = yield* geti(st, lo + k);
  let o: boolean | CallRequest;
  for (;;) {
    let c = 2 * k + 1;
    if (c >= m) break;
    let cv = yield* geti(st, lo + c);
    if (c + 1 < m) {
      const c2 = yield* geti(st, lo + c + 1);
      o = order(st, cv, c2);
      if (o === true || (o !== false && truthy(yield o))) {
        c++;
        cv = c2;
      }
    }
    o = order(st, v, cv);
    if (!(o === true || (o !== false && truthy(yield o)))) break;
    yield* seti(st, lo + k, cv);
    k = c;
  }
  yield* seti(st, lo + k, v);
}

/**
 * table.sort: sort list[1..#list] in place. Each step: order list[lo], list[mid], list[up] (median of
 * three), move the pivot P = list[mid] to up-1, partition lo+1..up-2 around it with two
 * scans that stop on elements not < P / not > P (list[lo] and P itself are the sentinels),
 * put P in its final place i, push the larger side on the stack, go on with the smaller.
 * Plain lists are read and written directly (the common case), others through geti/set2.
 */
function* sortGen(L: LuaThread, base: number, nargs: number): Gen<number> {
  checkTab(L, base, nargs, 1, TAB_RW | TAB_L);
  const t = L.stack[base];
  const cmp = arg(L, base, nargs, 2);
  const len = yield* lenGen(L, t);
  if (!(len > 1)) return 0;
  if (len >= INT_MAX) argError(L, 1, 'array too big');
  if (cmp !== undefined && !isFunction(cmp)) typeErrorArg(L, base, nargs, 2, 'function');
  // (the quicksort is written out here rather than delegated to: every comparator call
  // resumes this generator, and each level of yield* delegation would cost on each)
  const n = Number(len);
  charge(L.vm, sortCost(n));
  // the VM copies the arguments out of a request when it serves it, so one can be reused
  const st: SortState = { L, t, req: cmp === undefined ? null : new CallRequest(cmp, [undefined, undefined], 1) };
  const pending: number[] = [];
  let lo = 1;
  let up = n;
  let budget = 2 * Math.ceil(Math.log2(n + 1)) + 2;
  let a: LuaValue;
  let b: LuaValue;
  let o: boolean | CallRequest;
  for (;;) {
    while (lo < up) {
      a = isPlain(t) ? t.getInt(lo) : yield* geti(st, lo);
      b = isPlain(t) ? t.getInt(up) : yield* geti(st, up);
      o = order(st, b, a);
      if (o === true || (o !== false && truthy(yield o))) {
        if (isPlain(t)) { t.setInt(lo, b); t.setInt(up, a); } else yield* set2(st, lo, b, up, a);
      }
      if (up - lo === 1) break;
      if (up - lo > SORT_SMALL) {
        if (budget <= 0) {
          yield* heapSort(st, lo, up);
          break;
        }
        budget--;
      }
      const p = Math.floor((lo + up) / 2);
      a = isPlain(t) ? t.getInt(p) : yield* geti(st, p);
      b = isPlain(t) ? t.getInt(lo) : yield* geti(st, lo);
      o = order(st, a, b);
      if (o === true || (o !== false && truthy(yield o))) {
        if (isPlain(t)) { t.setInt(p, b); t.setInt(lo, a); } else yield* set2(st, p, b, lo, a);
      } else {
        b = isPlain(t) ? t.getInt(up) : yield* geti(st, up);
        o = order(st, b, a);
        if (o === true || (o !== false && truthy(yield o))) {
          if (isPlain(t)) { t.setInt(p, b); t.setInt(up, a); } else yield* set2(st, p, b, up, a);
        }
      }
      if (up - lo === 2) break;
      const P = isPlain(t) ? t.getInt(p) : yield* geti(st, p);
      b = isPlain(t) ? t.getInt(up - 1) : yield* geti(st, up - 1);
      if (isPlain(t)) { t.setInt(p, b); t.setInt(up - 1, P); } else yield* set2(st, p, b, up - 1, P);
      let i = lo;
      let j = up - 1;
      for (;;) {
        for (;;) {
          i++;
          a = isPlain(t) ? t.getInt(i) : yield* geti(st, i);
          o = order(st, a, P);
          if (!(o === true || (o !== false && truthy(yield o)))) break;
          if (i === up - 1) invalidOrder(L); // P < P
        }
        for (;;) {
          j--;
          b = isPlain(t) ? t.getInt(j) : yield* geti(st, j);
          o = order(st, P, b);
          if (!(o === true || (o !== false && truthy(yield o)))) break;
          if (j < i) invalidOrder(L); // ran into elements known not to be > P
        }
        if (j < i) break;
        if (isPlain(t)) { t.setInt(i, b); t.setInt(j, a); } else yield* set2(st, i, b, j, a);
      }
      b = isPlain(t) ? t.getInt(up - 1) : yield* geti(st, up - 1);
      a = isPlain(t) ? t.getInt(i) : yield* geti(st, i);
      if (isPlain(t)) { t.setInt(up - 1, a); t.setInt(i, b); } else yield* set2(st, up - 1, a, i, b);
      if (i - lo < up - i) {
        pending.push(i + 1, up, budget);
        up = i - 1;
      } else {
        pending.push(lo, i - 1, budget);
        lo = i + 1;
      }
    }
    if (pending.length === 0) return 0;
    budget = pending.pop()!;
    up = pending.pop()!;
    lo = pending.pop()!;
  }
}

/** Plain form: a metamethod-free table of numbers (no NaN) or of strings, default order. */
/** Library work charged for sorting n elements (about n log2 n comparisons). */
function sortCost(n: number): number {
  return Math.ceil(n * Math.log2(n + 1));
}

function sortPlain(L: LuaThread, base: number, nargs: number): number {
  const s = L.stack;
  const t = s[base];
  if (nargs < 1 || !isPlain(t)) return -1;
  const n = t.length();
  if (n <= 1) return 0;
  const cmp = arg(L, base, nargs, 2);
  if (cmp !== undefined) {
    if (!isFunction(cmp)) typeErrorArg(L, base, nargs, 2, 'function');
    return -1;
  }
  const arr = t.arr;
  if (arr.length < n) return -1;
  const first = arr[0];
  let sorted: Float64Array | LuaValue[];
  if (typeof first === 'number') {
    sorted = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const v = arr[k];
      if (typeof v !== 'number' || v !== v) return -1;
      sorted[k] = v;
    }
  } else if (typeof first === 'string') {
    for (let k = 1; k < n; k++) if (typeof arr[k] !== 'string') return -1;
    // (strings sort by UTF-16 code units, here byte values: byte order, as strcmp in the C locale)
    sorted = arr.slice(0, n);
  } else {
    return -1;
  }
  charge(L.vm, sortCost(n));
  sorted.sort();
  for (let k = 0; k < n; k++) arr[k] = sorted[k];
  return 0;
}

// ---------------------------------------------------------------------------------------

export function openTable(vm: LuaVM): void {
  registerLib(vm, 'table', setFuncs(new LuaTable(), [
    dualFn('concat', concatPlain, concatGen),
    dualFn('insert', insertPlain, insertGen),
    dualFn('move', movePlain, moveGen),
    nativeFn('pack', tablePack),
    dualFn('remove', removePlain, removeGen),
    dualFn('sort', sortPlain, sortGen),
    dualFn('unpack', unpackPlain, unpackGen),
  ]));
}
