/**
 * The compiling tier: a hot Lua function is translated from its bytecode into JS source,
 * created with `new Function`, and run by the interpreter loop instead of interpreting its
 * frames (see docs/architecture.md, "Compiling tier"). Semantics are the interpreter's: the
 * same inline fast paths, the same slow-path functions (src/vm/interp.ts), the same
 * instruction count.
 *
 * A compiled function `run(L, frame, stack, base)` runs the Lua frame `frame` from
 * `frame.pc` and returns
 *   0  the interpreter continues with this frame at frame.pc, or
 *   1  the frame stack changed (a call was pushed, the frame returned, a coroutine switched):
 *      the interpreter reloads the current frame (entering its compiled code if it has any).
 * Either way it has stored vm.budget and written its registers back to the stack first.
 *
 * Rules of the generated code:
 * 1. Registers live in JS locals `r0..rN`, loaded from the stack on entry; registers that a
 *    child closure captures (open upvalues alias stack slots) and to-be-closed variables
 *    live only in the stack.
 * 2. Entry is allowed at "resume labels" only: block leaders, the instruction after any
 *    instruction that can leave compiled code, and instructions the interpreter re-executes
 *    (CONCAT, CLOSE, RETURN). Elsewhere run() returns 0 at once.
 * 3. Jumps dispatch through `for (;;) switch (pc)`; consecutive blocks fall through.
 * 4. The instruction budget is charged per basic block, before it runs. A block that does
 *    not fit in what is left exits to the interpreter at its first instruction, which ends
 *    the slice at the exact instruction. Leaving in the middle of a block refunds the part
 *    not run; entering at a label inside a block charges the rest of the block.
 * 5. Before a call or a slow path that may run Lua or host code, registers whose locals may
 *    differ from the stack ("dirty" ones, by a forward data-flow analysis) are written back,
 *    so the collector, debug.getlocal and tracebacks see current values; frame.pc is set
 *    before anything that can throw, so messages and lines are the interpreter's. A throw
 *    out of compiled code writes every register back (catch clause) and refunds the budget.
 * 6. The code reaches no JS global: everything it uses is a parameter of the factory made
 *    by `new Function` (numbers are written as literals, nil as `void 0`).
 */
import { LuaFloat, LuaClosure, NativeFunction, EMPTY_UPVALS } from './value.js';
import type { LuaValue } from './value.js';
import { Gen } from './jit-gen.js';
import { LuaTable, ShapeSite, mayHoldStr, stepIter } from './table.js';
import type { Proto, JitFn } from './proto.js';
import { JIT_DEFAULTS } from './proto.js';
import type { LuaThread, LuaVM, Frame } from './state.js';
import { FRAME_LUA } from './state.js';
import { isNum, numEQ, intShl, intShr, cpow } from './arith.js';
import { fastTM, getTM, TM } from './meta.js';
import { jitUnavailable, tierInstalled } from './jit-env.js';
import { installTier } from './interp.js';
import { charge, checkHeap } from './limits.js';

// ---------------------------------------------------------------------------------------
// runtime: the interpreter's slow paths, handed over when the tier is installed

/** Functions of src/vm/interp.ts that compiled code calls. */
export interface JitRuntime {
  getSlow: (...a: any[]) => boolean;
  setSlow: (...a: any[]) => boolean;
  arithSlow: (...a: any[]) => boolean;
  subISlow: (...a: any[]) => boolean;
  lessSlow: (...a: any[]) => boolean | null;
  eqSlow: (...a: any[]) => boolean | null;
  concat: (...a: any[]) => boolean;
  lenSlow: (...a: any[]) => boolean;
  forPrep: (...a: any[]) => boolean;
  forLoopSlow: (...a: any[]) => boolean;
  floatArith: (...a: any[]) => LuaValue;
  fastArith: (...a: any[]) => LuaValue;
  markTbc: (...a: any[]) => void;
  closeOne: (...a: any[]) => boolean;
  closeUpvals: (...a: any[]) => void;
  findUpval: (...a: any[]) => any;
  pushLua: (...a: any[]) => any;
  pushNative: (...a: any[]) => any;
  startGen: (...a: any[]) => void;
  precall: (...a: any[]) => void;
  finishCall: (...a: any[]) => void;
  rtError: (...a: any[]) => never;
  callError: (...a: any[]) => never;
}

let runtime: JitRuntime | null = null;

/**
 * Install the compiling tier: from now on the interpreter sends hot frames here, and VMs
 * created afterwards start with the tier on where `new Function` works. The engine and the
 * command line call this; the core entry (src/core.ts) does not, which leaves this module and
 * the code generator out of a bundle of the core. Idempotent.
 */
export function enableTier(): void {
  if (runtime !== null) return;
  runtime = installTier(jitRun);
  tierInstalled();
}

/** Tuning and test knobs (the hotness threshold itself is JIT_DEFAULTS in proto.ts). */
export const JIT_LIMITS = {
  /** protos with more instructions are left to the interpreter */
  maxCode: 3000,
  /** generated sources longer than this are dropped (V8 would not optimise them) */
  maxSource: 400000,
};

/** Counters for tests: compiled protos, and code that failed to build (a generator bug). */
export const jitStats = { compiled: 0, failed: 0, lastError: '' };

/** Set the hotness countdown of protos created from now on (1: compile on first entry). */
export function setJitThreshold(n: number): void {
  JIT_DEFAULTS.threshold = Math.max(1, Math.floor(n));
}

/**
 * Run a hot frame in compiled code (the interpreter calls this at `newframe` when the
 * proto's hotness countdown has run out, which it stays at once compiled, and once after
 * each slice whatever the countdown: see jitPrime in interp.ts): compile the proto first if
 * needed (once; a proto that cannot be compiled gets a countdown it never reaches). Returns
 * 1 when the frames changed, 0 or -1 to interpret at frame.pc.
 */
export function jitRun(L: LuaThread, frame: Frame): number {
  const p = frame.closure!.proto;
  if (p.jitCount > 0) return -1;
  if (!L.vm.jitEnabled) {
    // the tier is off in this state: count down again (the interpreter would otherwise come
    // here at every call and loop iteration); another state sharing the proto (a chunk
    // cache) still compiles it when the countdown runs out there
    p.jitCount = JIT_DEFAULTS.threshold;
    return -1;
  }
  let jf = p.jit;
  if (jf === null) {
    jf = p.jit = compileProto(p);
    if (jf === null) {
      p.jitCount = 1 << 30;
      return -1;
    }
  }
  p.jitCount = 0;
  return jf(L, frame, L.stack, frame.base);
}

// ---------------------------------------------------------------------------------------
// compilation

/** Compile p, or null when it is left to the interpreter (too big, unusual code). */
export function compileProto(p: Proto): JitFn | null {
  if (runtime === null) return null;
  if (p.code.length === 0 || p.code.length > JIT_LIMITS.maxCode) return null;
  let g: Gen;
  try {
    g = new Gen(p);
    if (!g.analyse()) return null;
    g.generate();
  } catch (e) {
    jitStats.failed++;
    jitStats.lastError = String(e);
    return null;
  }
  if (g.bad !== null) {
    jitStats.failed++;
    jitStats.lastError = g.bad;
    return null;
  }
  const src = g.source();
  if (src.length > JIT_LIMITS.maxSource) return null;
  let factory: (...a: any[]) => JitFn;
  try {
    factory = new Function('H', 'K', 'P', 'ENTRY', 'REFUND', 'REGION', 'LIVE', 'SITES', src) as any;
  } catch (e) {
    // a Content Security Policy forbids it: stop trying (a syntax error would be our bug)
    if (!(e instanceof SyntaxError)) jitUnavailable();
    jitStats.failed++;
    jitStats.lastError = String(e);
    return null;
  }
  jitStats.compiled++;
  return factory(helpers(), p.k, p.p, g.entry, g.refund, g.region, g.liveMasks, p.shapes);
}

/** Build compiled code for p from a given source (experiments and tests only). */
export function _jitBuild(p: Proto, src: string): JitFn {
  const g = new Gen(p);
  if (!g.analyse()) throw new Error('not compilable');
  g.generate();
  const factory = new Function('H', 'K', 'P', 'ENTRY', 'REFUND', 'REGION', 'LIVE', 'SITES', src) as any;
  return factory(helpers(), p.k, p.p, g.entry, g.refund, g.region, g.liveMasks, p.shapes);
}

/** Source of the compiled function for p (for tests and debugging), or null. */
export function jitSource(p: Proto): string | null {
  try {
    const g = new Gen(p);
    if (!g.analyse()) return null;
    g.generate();
    return g.source();
  } catch {
    return null;
  }
}

let helperObj: Record<string, unknown> | null = null;

function helpers(): Record<string, unknown> {
  if (helperObj === null) {
    helperObj = {
      ...runtime!,
      LuaTable, LuaFloat, LuaClosure, NativeFunction,
      isInteger: Number.isInteger, floor: Math.floor,
      isNum, numEQ, intShl, intShr, fastTM, getIC, setStrIC, MISS, callLua, callOther, tailCall,
      FieldIC, rawSetAny, cpow, charge, checkHeap, EMPTY_UPVALS,
    };
  }
  return helperObj;
}

// ---------------------------------------------------------------------------------------
// calls made by compiled code

/** Nesting of direct calls between compiled functions (each one a JS frame). */
const MAXDEPTH = 100;

/**
 * After compiled code in `frame` (thread L0, frame index ci0) made a call: keep running,
 * as nested JS calls, the compiled Lua frames that the call put above it — the callee, its
 * tail calls, a function called by pcall or by a generator native (sort comparators, gsub
 * callbacks), a coroutine this thread resumed — until `frame` is on top of L0 again (false:
 * its code continues inline) or something else must run (true: it leaves, and the
 * interpreter loop takes over). Only frames without a live JS activation are run: those
 * above `frame`, and coroutines resumed from here (suspended when resumed).
 */
function settle(L0: LuaThread, frame: Frame, ci0: number): boolean {
  const vm = L0.vm;
  for (;;) {
    const L = vm.current;
    if (L === L0) {
      if (L.ci <= ci0) return L.ci !== ci0 || L.frames[ci0] !== frame;
    } else {
      let r = L.resumer;
      while (r !== null && r !== L0) r = r.resumer;
      if (r === null) return true;
    }
    const f = L.frames[L.ci];
    if (f.kind !== FRAME_LUA || L.hookMask !== 0 || vm.jitDepth >= MAXDEPTH || !vm.jitEnabled) return true;
    const p = f.closure!.proto;
    const jf = p.jit;
    if (jf === null) return true;
    // 0: the interpreter must continue that frame
    if (runNested(vm, L, f, p, jf) === 0) return true;
  }
}

/**
 * Run frame f of proto p in its compiled code jf as a nested JS call (one level deeper).
 * An error thrown through it leaves the count raised: the interpreter, which called the
 * outermost compiled code (jitRun), puts it back as it catches the error (a handler here,
 * at every call between compiled functions, cost about 2 ns a call).
 */
function runNested(vm: LuaVM, L: LuaThread, f: Frame, p: Proto, jf: JitFn): number {
  p.jitCount = 0;
  vm.jitDepth++;
  const r = jf(L, f, L.stack, f.base);
  vm.jitDepth--;
  return r;
}

/**
 * CALL of a Lua function from compiled code (frame.pc, the registers and vm.budget already
 * saved): push its frame and run it (settle). True when the caller must leave.
 */
function callLua(L: LuaThread, frame: Frame, fv: LuaClosure, func: number, nargs: number, nres: number): boolean {
  const nf = runtime!.pushLua(L, fv, func, nargs, nres, 0, 0);
  const p = fv.proto;
  const jf = p.jit;
  if (jf === null) return true;
  // settle's first round, for the callee just pushed (a Lua frame on this thread)
  const ci0 = L.ci - 1;
  const vm = L.vm;
  if (L.hookMask !== 0 || vm.jitDepth >= MAXDEPTH || !vm.jitEnabled) return true;
  if (runNested(vm, L, nf, p, jf) === 0) return true;
  // the usual case: the callee returned, its caller is on top again
  if (L.ci === ci0 && vm.current === L) return L.frames[ci0] !== frame;
  return settle(L, frame, ci0);
}

/**
 * CALL of anything but a Lua function, as the interpreter's CALL does it: a plain native
 * runs now and its results are moved to func.. (returns their count, or -2 when it was
 * debug.setlocal, which may have written the caller's registers); the generator form of a
 * native, pcall, the coroutine functions and __call go through the interpreter's call
 * machinery, and what they run is settled (returns 0 when done, -1 when the caller must
 * leave).
 */
function callOther(L: LuaThread, frame: Frame, fv: LuaValue, func: number, nargs: number, nres: number): number {
  const rt = runtime!;
  const ci0 = L.ci;
  if (fv instanceof NativeFunction && fv.fn !== null) {
    if (fv.iter !== 0 && nres > 0 && stepIter(L.stack, fv.iter, func, nres)) return nres;
    const nf = rt.pushNative(L, fv, func, nargs, nres, 0, 0);
    const n = fv.fn(L, func + 1, nargs);
    if (n < 0) {
      rt.startGen(L, nf, fv, nargs);
      return settle(L, frame, ci0) ? -1 : 0;
    }
    L.ci--;
    const s = L.stack;
    if (nres === 1) {
      s[func] = n > 0 ? s[func + 1] : undefined;
    } else if (nres < 0) {
      for (let j = 0; j < n; j++) s[func + j] = s[func + 1 + j];
      L.top = func + n;
    } else {
      for (let j = 0; j < nres; j++) s[func + j] = j < n ? s[func + 1 + j] : undefined;
    }
    if (L.frames[L.ci] !== frame || L.vm.current !== L) return -1;
    return fv.name === 'setlocal' ? -2 : n;
  }
  rt.precall(L, func, nargs, nres, 0, 0, 0);
  return settle(L, frame, ci0) ? -1 : 0;
}

/**
 * TAILCALL from compiled code, exactly as the interpreter does it (registers, frame.pc and
 * vm.budget saved): a Lua callee replaces the frame, which stays the same Frame object, and
 * runs at once when its proto is compiled; anything else is called and its results
 * returned at once. Returns 1 (the frames changed).
 */
function tailCall(L: LuaThread, frame: Frame, ra: number, nargs: number, close: boolean): number {
  const rt = runtime!;
  const base = frame.base;
  if (close || (L.openupval !== null && L.openupval.idx >= base)) rt.closeUpvals(L, base);
  const s = L.stack;
  let fv = s[ra];
  if (!(fv instanceof LuaClosure) && !(fv instanceof NativeFunction)) {
    // resolve __call before moving
    const tm = getTM(L.vm, fv, '__call');
    if (tm === undefined) rt.callError(L, ra, fv);
    for (let j = ra + nargs; j >= ra; j--) s[j + 1] = s[j];
    s[ra] = tm;
    nargs++;
    fv = tm;
  }
  if (fv instanceof LuaClosure) {
    // reuse the frame: move function and arguments down to func
    const func = frame.func;
    for (let j = 0; j <= nargs; j++) s[func + j] = s[ra + j];
    const nres = frame.nresults;
    const cont = frame.cont;
    const contA = frame.contA;
    const ccall = frame.ccall;
    L.ci--;
    const nf = rt.pushLua(L, fv, func, nargs, nres, cont, contA);
    nf.tailcall = true;
    nf.ccall = ccall;
    // a compiled callee runs at once, one level deeper, as settle would run it after this
    // frame's caller got control back (a chain of tail calls unwinds at MAXDEPTH)
    const p = fv.proto;
    const jf = p.jit;
    const vm = L.vm;
    if (jf !== null && L.hookMask === 0 && vm.jitDepth < MAXDEPTH && vm.jitEnabled) runNested(vm, L, nf, p, jf);
    return 1;
  }
  rt.precall(L, ra, nargs, -1, 0, 0, 0);
  if (L.frames[L.ci] === frame && L === L.vm.current) {
    // native finished: return its results
    rt.finishCall(L, ra, L.top - ra);
  }
  return 1;
}

/** Returned by the lookups below when the full slow path must run. */
export const MISS = Symbol('miss');
const MAXTAGLOOP = 2000;

/**
 * Inline cache of one GETFIELD/SELF/GETTABUP site: hash slots where the key was last found
 * in the table itself (own), in a metatable as __index (idx), and in an __index table
 * (owner). A key has exactly one slot in a hash part, so `hkeys[slot] === key` proves that
 * `hvals[slot]` is the field: the cache is never wrong, only missed.
 */
export class FieldIC {
  own = 0;
  idx = 0;
  owner = 0;
  /**
   * Keys of a shared shape (LuaTable.hshared: never written again) found not to hold the
   * key: a table with exactly these keys has no such field of its own, the usual case of a
   * method looked up in an object before its class.
   */
  nk: LuaValue[] | null = null;
}

/** t[key] (raw) with the slot cached in one field of ic (0 own, 1 idx, 2 owner). */
function rawIC(t: LuaTable, key: string, ic: FieldIC, which: number): LuaValue {
  const hk = t.hkeys;
  const j = which === 0 ? ic.own : which === 1 ? ic.idx : ic.owner;
  if (j < hk.length && hk[j] === key) return t.hvals[j];
  // never inserted: a method looked up in the object itself before its class
  if (!mayHoldStr(t, key)) return undefined;
  const x = t.hmap.get(key);
  if (x === undefined) return undefined;
  if (which === 0) ic.own = x;
  else if (which === 1) ic.idx = x;
  else ic.owner = x;
  return t.hvals[x];
}

/**
 * t[key] for a string key: the raw field, then the chain of __index tables, exactly as
 * getSlow's first loop (and fastTM) do it; MISS when an __index is not a table (a function
 * to call, or a value to index generically) or the chain is too long.
 */
function getStrIC(t: LuaTable, key: string, ic: FieldIC): LuaValue {
  let v: LuaValue;
  const hk = t.hkeys;
  if (hk !== ic.nk) {
    v = rawIC(t, key, ic, 0);
    if (v !== undefined) return v;
    // absent from a shared layout: remembered (a miss like this one happens once per layout)
    if (t.hshared && !t.hmap.has(key)) ic.nk = hk;
  }
  let o = t;
  for (let loop = 0; loop < MAXTAGLOOP; loop++) {
    const mt = o.metatable;
    if (mt === null) return undefined;
    // fastTM(mt, TM.INDEX) with its absence cache
    if ((mt.flags & 1) !== 0) return undefined;
    const tm = rawIC(mt, '__index', ic, 1);
    if (tm === undefined) {
      mt.flags |= 1;
      return undefined;
    }
    if (!(tm instanceof LuaTable)) return MISS;
    o = tm;
    v = rawIC(o, key, ic, 2);
    if (v !== undefined) return v;
  }
  return MISS;
}

/** s[key] for a string key on a string (the string library's methods), else MISS. */
function strMethodIC(vm: LuaVM, key: string, ic: FieldIC): LuaValue {
  const mt = vm.stringMeta;
  if (mt === null) return MISS;
  const tm = rawIC(mt, '__index', ic, 1);
  if (!(tm instanceof LuaTable)) return MISS;
  return getStrIC(tm, key, ic);
}

/**
 * t[key] for a string constant key once the inline check of t's own slot has missed: a
 * table through its __index chain, a string through the string methods; MISS when only
 * the slow path knows.
 */
function getIC(vm: LuaVM, t: LuaValue, key: string, ic: FieldIC): LuaValue {
  if (t instanceof LuaTable) return getStrIC(t, key, ic);
  if (typeof t === 'string') return strMethodIC(vm, key, ic);
  return MISS;
}

/**
 * t[key] = v for a string key when the inline path missed: done as setSlow's first step does
 * it when no __newindex applies (an existing field is overwritten whatever the metatable
 * says). Returns the key's slot for the inline cache, or -1 when the full slow path must run
 * (the key is absent and the metatable has a __newindex).
 */
function setStrIC(t: LuaTable, key: string, v: LuaValue, site: ShapeSite | null): number {
  const mt = t.metatable;
  if (mt !== null && t.getStr(key) === undefined && fastTM(mt, TM.NEWINDEX) !== undefined) return -1;
  // (with a metatable, nil to an absent key stores nothing, as setStr does)
  const j = mt === null || v !== undefined ? t.setField(key, v, site) : t.setStr(key, v);
  return j < 0 ? 0 : j;
}

/**
 * t[key] = v for a table without a metatable, past the inline array case: false for a nil
 * or NaN key (the slow path raises the error).
 */
function rawSetAny(t: LuaTable, key: LuaValue, v: LuaValue): boolean {
  if (typeof key === 'string') {
    t.setStr(key, v);
    return true;
  }
  if (key === undefined || key !== key) return false;
  t.set(key, v);
  return true;
}

