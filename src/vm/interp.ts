/**
 * The interpreter: one execute() loop over the register bytecode, with every Lua-to-Lua
 * call, return, metamethod call, pcall, coroutine switch and native callback kept on the
 * VM's explicit frame stacks (no JS recursion between Lua frames).
 *
 * Correctness rules of the loop:
 * 1. Before anything that can call or throw outside the inline fast paths, save `pc` into
 *    `frame.pc` (the catch clause also saves it when the frame is still current).
 * 2. After any operation that may push or pop frames or switch threads, `continue newframe`
 *    so the locals (L, stack, frame, base, pc, code, k, upvals) are reloaded.
 * 3. Fast paths do not allocate; slow paths live in functions below the loop.
 * 4. A frame's continuation (Frame.cont) says what happens to its results; finishCall() is
 *    the only place that pops a frame on normal return.
 * 5. Natives that call Lua are generators: each `yield` is a call request the loop serves.
 */
import { OP, OFFSET_sBx, OFFSET_sC, OFFSET_sJ } from './opcodes.js';
import {
  LuaFloat, LuaClosure, NativeFunction, UpVal, SPECIAL, MAXSAFE, mkfloat, numberToString,
  isFunction, typeName, floatToInt, numToFloat, strToNumber, EMPTY_UPVALS, generalArray,
} from './value.js';
import type { LuaValue } from './value.js';
import { LuaTable, mayHoldStr, stepIter } from './table.js';
import {
  LuaThread, Frame, FRAME_LUA, FRAME_NATIVE, FRAME_GEN, FRAME_PCALL, FRAME_ENTRY, CONT,
  CO_RUNNING, CO_SUSPENDED, CO_NORMAL, CO_DEAD, MAXSTACK, MAXCCALLS, EXTRA_STACK,
  HOOK_CALL, HOOK_RET, HOOK_LINE, HOOK_COUNT,
} from './state.js';
import type { LuaVM } from './state.js';
import { LuaThrow } from './errors.js';
import {
  AR, AR_EVENTS, NOTNUM, NOINT, ArithError, arith, numLT, numLE, numEQ, cpow, fltMod, isNum,
  intShl, intShr, bitInt, intBand, intBor, intBxor,
} from './arith.js';
import { TM, fastTM, getTM, objTypeName } from './meta.js';
import { getObjName, where, frameFuncName, globalFuncName, funcNameFromCode } from './debuginfo.js';
import { getLocalName } from './proto.js';
import type { Proto } from './proto.js';
import { shapeSite } from './proto.js';
import { fullCollection } from './gc.js';
import type { JitRuntime } from './jit.js';
import { AwaitRequest, InterruptSignal, SuspendSignal, VMSignal } from './suspend.js';
import { refillBudget, checkHeap, checkHookedInstruction, checkAlloc, charge, takeTableGrowth } from './limits.js';

const MAXTAGLOOP = 2000;

/**
 * Set at the end of each slice: the next frame entered goes through runSlice's block that
 * enters compiled code whatever its proto's hotness (see newframe).
 */
let jitPrime = false;

/** Source of an operand, for error messages: a register, an upvalue, or nothing known. */
const SRC_NONE = -1;
const SRC_UPVAL = 1 << 20;

/** A call request yielded by a generator native: call `fn` with `args`. */
export class CallRequest {
  fn: LuaValue;
  args: LuaValue[];
  /** 1: resume the generator with the first result; -1: with an array of all results */
  want: number;
  constructor(fn: LuaValue, args: LuaValue[], want: number) {
    this.fn = fn;
    this.args = args;
    this.want = want;
  }
}

// ---------------------------------------------------------------------------------------
// errors

/** Raise a runtime error at the current instruction: "chunk:line: msg". */
export function rtError(L: LuaThread, msg: string): never {
  throw new LuaThrow(where(L, L.ci) + msg);
}

function varInfo(L: LuaThread, src: number): string {
  if (src === SRC_NONE) return '';
  const f = L.frames[L.ci];
  if (f.kind !== FRAME_LUA || f.closure === null) return '';
  const p = f.closure.proto;
  if (src >= SRC_UPVAL) return ` (upvalue '${p.upvalNames[src - SRC_UPVAL] ?? '?'}')`;
  const r = getObjName(p, f.pc - 1, src);
  return r === null ? '' : ` (${r.kind} '${r.name}')`;
}

export function typeError(L: LuaThread, v: LuaValue, op: string, src: number): never {
  rtError(L, `attempt to ${op} a ${objTypeName(L.vm, v)} value${varInfo(L, src)}`);
}

function orderError(L: LuaThread, a: LuaValue, b: LuaValue): never {
  const t1 = objTypeName(L.vm, a);
  const t2 = objTypeName(L.vm, b);
  if (t1 === t2) rtError(L, `attempt to compare two ${t1} values`);
  rtError(L, `attempt to compare ${t1} with ${t2}`);
}

// ---------------------------------------------------------------------------------------
// upvalues and to-be-closed variables

function findUpval(L: LuaThread, idx: number): UpVal {
  let prev: UpVal | null = null;
  let uv = L.openupval;
  while (uv !== null && uv.idx >= idx) {
    if (uv.idx === idx) return uv;
    prev = uv;
    uv = uv.next;
  }
  const n = new UpVal(L.stack, idx);
  n.next = uv;
  if (prev === null) L.openupval = n;
  else prev.next = n;
  return n;
}

export function closeUpvals(L: LuaThread, level: number): void {
  let uv = L.openupval;
  while (uv !== null && uv.idx >= level) {
    uv.close();
    uv = uv.next;
  }
  L.openupval = uv;
}

/** Mark stack slot `idx` (variable of frame f) to be closed. */
function markTbc(L: LuaThread, idx: number, f: Frame): void {
  const v = L.stack[idx];
  if (v === undefined || v === false) return;
  if (getTM(L.vm, v, '__close') === undefined) {
    const p = f.closure!.proto;
    const name = getLocalName(p, idx - f.base + 1, f.pc - 1) ?? '?';
    rtError(L, `variable '${name}' got a non-closable value`);
  }
  L.tbc.push(idx);
}

/**
 * Close upvalues and call the __close handler of the innermost pending tbc variable at or
 * above `level`. Returns true when it pushed a handler call (the caller must re-run its
 * instruction when the handler returns: cont), false when nothing is left to close.
 */
function closeOne(L: LuaThread, level: number, callAt: number, cont: number, err: LuaValue, contA: number): boolean {
  closeUpvals(L, level);
  const tbc = L.tbc;
  if (tbc.length === 0 || tbc[tbc.length - 1] < level) return false;
  const idx = tbc.pop()!;
  const v = L.stack[idx];
  const tm = getTM(L.vm, v, '__close');
  L.ensureStack(callAt + 3);
  const s = L.stack;
  s[callAt] = tm;
  s[callAt + 1] = v;
  s[callAt + 2] = err;
  if (tm === undefined) {
    // the metamethod was removed after the variable was marked
    s[callAt] = undefined;
  }
  precall(L, callAt, 2, 0, cont, contA, 1);
  return true;
}

// ---------------------------------------------------------------------------------------
// calls

function frameTop(f: Frame): number {
  if (f.kind === FRAME_LUA) return f.base + f.closure!.proto.maxstack;
  return f.top;
}

/** Push a Lua frame for closure cl at stack[func] with nargs arguments. */
function pushLua(L: LuaThread, cl: LuaClosure, func: number, nargs: number, nres: number, cont: number, contA: number): Frame {
  const p = cl.proto;
  const np = p.numparams;
  let base = func + 1;
  let nextra = 0;
  if (p.isVararg && nargs > np) {
    nextra = nargs - np;
    base = func + 1 + nargs;
  }
  const need = base + p.maxstack;
  if (need > L.stack.length) {
    if (need > L.stackLimit) stackOverflow(L);
    L.ensureStack(need);
  }
  const s = L.stack;
  if (nextra > 0) {
    for (let j = 0; j < np; j++) s[base + j] = s[func + 1 + j];
  } else {
    for (let j = nargs; j < np; j++) s[base + j] = undefined;
  }
  p.jitCount--; // JIT: hotness (entries and loop back-edges; see runSlice's newframe)
  if (L.ci >= L.vm.frameLimit) frameOverflow(L);
  const f = L.pushFrame();
  f.kind = FRAME_LUA;
  f.closure = cl;
  f.native = null;
  f.func = func;
  f.base = base;
  f.top = need;
  f.pc = 0;
  f.nresults = nres;
  f.cont = cont;
  f.contA = contA;
  f.nextra = nextra;
  f.tailcall = false;
  f.pendingRet = -1;
  f.concatN = 0;
  f.ccall = 0;
  return f;
}

/**
 * "stack overflow" (luaD_growstack): the thread gets EXTRA_STACK more slots while the error
 * is handled, so that a message handler can run; overflowing those is an error in error
 * handling. unwind() takes the extra slots back once the error is caught.
 */
function stackOverflow(L: LuaThread): never {
  if (L.stackLimit > MAXSTACK) throw new LuaThrow('error in error handling');
  L.stackLimit = MAXSTACK + EXTRA_STACK;
  rtError(L, 'stack overflow');
}

/** The call-depth limit (vm.frameLimit) was reached: "stack overflow", with a few frames
 *  more while the error is handled (as for the stack-slot limit). */
/** frames a thread may use above the call-depth limit while "stack overflow" is handled */
const EXTRA_FRAMES = 20;

function frameOverflow(L: LuaThread): void {
  if (L.stackLimit > MAXSTACK) {
    if (L.ci >= L.vm.frameLimit + EXTRA_FRAMES) throw new LuaThrow('error in error handling');
    return;
  }
  stackOverflow(L);
}

function pushNative(L: LuaThread, fn: NativeFunction, func: number, nargs: number, nres: number, cont: number, contA: number): Frame {
  if (L.ci >= L.vm.frameLimit) frameOverflow(L);
  const f = L.pushFrame();
  f.kind = FRAME_NATIVE;
  f.closure = null;
  f.native = fn;
  f.func = func;
  f.base = func + 1;
  f.top = func + 1 + nargs;
  f.pc = 0;
  f.nresults = nres;
  f.cont = cont;
  f.contA = contA;
  f.nextra = 0;
  f.tailcall = false;
  f.gen = null;
  f.ccall = 0;
  f.pstatus = 0;
  return f;
}

/**
 * Call the value at stack[func] with nargs arguments above it; its results go where `cont`
 * says. Lua functions get a new frame (run by the loop); plain natives run now; generator
 * natives start and run until their first call request. `ccall` marks a call that crosses a
 * host boundary (metamethods, pcall, natives calling back), counted for "C stack overflow".
 */
export function precall(L: LuaThread, func: number, nargs: number, nres: number, cont: number, contA: number, ccall: number): void {
  if (ccall !== 0) {
    if (L.nccalls >= MAXCCALLS) {
      if (L.nccalls >= MAXCCALLS + MAXCCALLS / 10) throw new LuaThrow('error in error handling');
      L.nccalls++;
      try {
        rtError(L, 'C stack overflow');
      } finally {
        L.nccalls--;
      }
    }
  }
  for (;;) {
    const fv = L.stack[func];
    if (fv instanceof LuaClosure) {
      const f = pushLua(L, fv, func, nargs, nres, cont, contA);
      if (ccall !== 0) { f.ccall = 1; L.nccalls++; }
      if (L.hookMask !== 0) hookCallLua(L, f);
      return;
    }
    if (fv instanceof NativeFunction) {
      if (fv.special !== SPECIAL.NONE) {
        callSpecial(L, fv, func, nargs, nres, cont, contA, ccall);
        return;
      }
      const f = pushNative(L, fv, func, nargs, nres, cont, contA);
      if (ccall !== 0) { f.ccall = 1; L.nccalls++; }
      if (L.hookMask !== 0) hookCallNative(L, f, nargs);
      if (fv.fn !== null) {
        const n = fv.fn(L, func + 1, nargs);
        if (n >= 0) {
          finishCall(L, func + 1, n);
          return;
        }
      }
      startGen(L, f, fv, nargs);
      return;
    }
    const tm = getTM(L.vm, fv, '__call');
    if (tm === undefined) callError(L, func, fv);
    L.ensureStack(func + nargs + 2);
    const s = L.stack;
    for (let j = func + nargs; j >= func; j--) s[j + 1] = s[j];
    s[func] = tm;
    nargs++;
  }
}

/** "attempt to call a X value (how the calling instruction names it)" */
function callError(L: LuaThread, func: number, fv: LuaValue): never {
  const f = L.frames[L.ci];
  let extra = '';
  if (f.kind === FRAME_LUA && f.closure !== null) {
    const n = funcNameFromCode(f.closure.proto, f.pc - 1);
    if (n !== null) extra = ` (${n.kind} '${n.name}')`;
  }
  void func;
  rtError(L, `attempt to call a ${objTypeName(L.vm, fv)} value${extra}`);
}

/** Run native frame f as a generator (its plain form declined by returning -1). */
function startGen(L: LuaThread, f: Frame, fv: NativeFunction, nargs: number): void {
  f.kind = FRAME_GEN;
  f.genWant = 1;
  f.gen = fv.gen!(L, f.base, nargs);
  stepGen(L, f, undefined);
}

/** Resume a generator native with `value` and serve its next request (or finish it). */
export function stepGen(L: LuaThread, f: Frame, value: LuaValue): void {
  genResult(L, f, f.gen!.next(value));
}

/**
 * A host generator waits for a Promise: suspend the running entry (see suspend.ts) when it
 * may, else raise the Lua error the host sees.
 */
function awaitHost(L: LuaThread, f: Frame, req: AwaitRequest): never {
  const vm = L.vm;
  if (vm.suspendDepth === vm.execDepth) throw new SuspendSignal(L, f, req);
  if (vm.suspendDepth === 0) throw new LuaThrow(`host function '${req.name}' returned a Promise: use engine.run, not runSync`);
  throw new LuaThrow(`host function '${req.name}' returned a Promise where the script cannot wait (inside a nested host call)`);
}

/**
 * Call plain native `fn` (fn.fn set, no special handling) with `args` from the generator
 * native running in L's top frame, at once, as serving its CallRequest would call it (the
 * same frame above the generator's, the same "C stack" count): its first result, or
 * NO_CALL when it cannot be done so (a debug hook is set, or the native asked for its
 * generator form, before doing anything) and the generator must yield the request.
 * Saves the generator's suspension and resumption per call (gsub with a library function).
 */
export function callPlainNative(L: LuaThread, fn: NativeFunction, args: LuaValue[]): LuaValue {
  if (L.hookMask !== 0 || fn.special !== SPECIAL.NONE || fn.fn === null) return NO_CALL;
  const g = L.frames[L.ci];
  const n = args.length;
  const at = Math.max(g.top, g.base);
  L.ensureStack(at + n + 1);
  const s = L.stack;
  s[at] = fn;
  for (let j = 0; j < n; j++) s[at + 1 + j] = args[j];
  if (L.nccalls >= MAXCCALLS) return NO_CALL; // precall raises the error
  const f = pushNative(L, fn, at, n, 1, CONT.DISCARD, 0);
  f.ccall = 1;
  L.nccalls++;
  // (an error leaves the frame to the unwinding, as for a call made by the VM)
  const r = fn.fn(L, at + 1, n);
  L.ci--;
  L.nccalls--;
  if (r < 0) return NO_CALL;
  return r > 0 ? L.stack[at + 1] : undefined;
}

/** callPlainNative could not make the call. */
export const NO_CALL: LuaValue = Symbol('no call') as unknown as LuaValue;

/** Serve what a generator produced: a call request, or its final result count. */
function genResult(L: LuaThread, f: Frame, r: IteratorResult<any, number>): void {
  // A call the generator requests may complete synchronously (a plain native): its result
  // is then handed back here (genBusy/genHasValue) and the generator resumed in this loop,
  // so a long run of such calls does not nest JS frames.
  for (;;) {
    if (r.done) {
      finishCall(L, f.base, r.value);
      return;
    }
    if (r.value instanceof AwaitRequest) awaitHost(L, f, r.value);
    const req = r.value as CallRequest;
    f.genWant = req.want;
    const args = req.args;
    const n = args.length;
    const at = Math.max(f.top, f.base);
    L.ensureStack(at + n + 1);
    const s = L.stack;
    s[at] = req.fn;
    for (let j = 0; j < n; j++) s[at + 1 + j] = args[j];
    f.genBusy = true;
    f.genHasValue = false;
    try {
      precall(L, at, n, -1, CONT.GEN, 0, 1);
    } finally {
      f.genBusy = false;
    }
    if (!f.genHasValue) return; // a Lua frame (or a coroutine switch) resumes it later
    const v = f.genValue;
    f.genValue = undefined;
    f.genHasValue = false;
    r = f.gen!.next(v);
  }
}

/**
 * Pop the current frame, whose n results are at stack[src..], and apply its continuation.
 * May cascade (a generator finishing, a pcall completing, a coroutine ending).
 */
export function finishCall(L: LuaThread, src: number, n: number): void {
  const f = L.frames[L.ci];
  if (L.hookMask !== 0) hookReturn(L, f, src, n);
  L.ci--;
  if (f.ccall !== 0) L.nccalls--;
  const s = L.stack;
  switch (f.cont) {
    case CONT.CALL: {
      const func = f.func;
      const want = f.nresults;
      if (want < 0) {
        if (func + n > s.length) L.ensureStack(func + n);
        for (let j = 0; j < n; j++) s[func + j] = s[src + j];
        L.top = func + n;
      } else {
        for (let j = 0; j < want; j++) s[func + j] = j < n ? s[src + j] : undefined;
      }
      return;
    }
    case CONT.STORE:
      s[f.contA] = n > 0 ? s[src] : undefined;
      return;
    case CONT.COND: {
      const caller = L.frames[L.ci];
      const res = n > 0 && s[src] !== undefined && s[src] !== false;
      const code = caller.closure!.proto.code;
      if (res !== (f.contA === 1)) caller.pc++;
      else caller.pc += ((code[caller.pc] >>> 7) - OFFSET_sJ) + 1;
      return;
    }
    case CONT.DISCARD:
      return;
    case CONT.CONCAT: {
      const caller = L.frames[L.ci];
      s[f.contA] = n > 0 ? s[src] : undefined;
      const i = caller.closure!.proto.code[caller.pc - 1];
      const ra = caller.base + ((i >>> 7) & 0xff);
      caller.concatN = f.contA - ra + 1;
      caller.pc--;
      if (L.hookMask !== 0) L.hookSkip = true; // the CONCAT goes on: no new count/line event
      return;
    }
    case CONT.GEN: {
      const g = L.frames[L.ci];
      let v: LuaValue;
      if (g.genWant === 1) v = n > 0 ? s[src] : undefined;
      else v = s.slice(src, src + n);
      if (g.genBusy) {
        // the request is still being served by genResult: let it resume the generator
        g.genValue = v;
        g.genHasValue = true;
        return;
      }
      stepGen(L, g, v);
      return;
    }
    case CONT.PCALL: {
      const pf = L.frames[L.ci];
      const dst = pf.func;
      L.ensureStack(dst + n + 2);
      for (let j = 0; j < n; j++) s[dst + 1 + j] = s[src + j];
      s[dst] = true;
      finishCall(L, dst, n + 1);
      return;
    }
    case CONT.COEND:
      coroutineEnd(L, src, n);
      return;
    case CONT.ENTRY: {
      const e = L.frames[L.ci];
      e.results = s.slice(src, src + n);
      L.ci--;
      if (e.ccall !== 0) L.nccalls--;
      return;
    }
    case CONT.UNWIND: {
      const pf = L.frames[f.contA];
      unwind(L, f.contA, pf.errValue);
      return;
    }
    case CONT.HANDLER: {
      const pf = L.frames[f.contA];
      pf.pstatus = 2;
      unwind(L, f.contA, n > 0 ? s[src] : undefined);
      return;
    }
    case CONT.RETCLOSE:
    case CONT.REEXEC: {
      const caller = L.frames[L.ci];
      caller.pc--;
      if (L.hookMask !== 0) L.hookSkip = true; // the instruction goes on: no new count/line event
      return;
    }
    case CONT.COCLOSE: {
      const g = L.frames[L.ci];
      stepGen(L, g, undefined);
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------
// debug hooks (§6.10 debug.sethook)
//
// A thread with a hook (hookMask != 0) runs with the loop's budget held at zero, so every
// instruction it runs goes through hookStep() (the trap the budget check already is): count
// and line events fire there, and the instructions that call or return, whose inline fast
// paths know nothing of hooks, are served there by generic paths that do: precall() fires
// call hooks, finishCall() the return hooks of host functions, hookStep() those of Lua
// functions just before their RETURN. A thread without a hook pays nothing. Compiled code
// (jit.ts) does not run on a thread with a hook.
//
// The hook function is called like a host callback (a nested execute() above the hooked
// frame): it cannot yield, and hooks do not fire on its thread while it runs (inHook), but
// its instructions are counted and traced (oldpc) as in the reference.

/**
 * Make the loop trap at its next instruction: the rest of the slice is taken off the
 * budget (and off vm.instructions, so that instructions + budgetChunk - budget stays exact).
 * Called when the running thread gets a hook or a thread with a hook starts running.
 */
export function hookTrapOn(vm: LuaVM): void {
  if (vm.budget > 0) {
    vm.instructions -= vm.budget;
    vm.budget = 0;
  }
}

/**
 * Call the hook of L (the running thread, whose top frame is the hooked function) for
 * `event`, with `line` (or nil when < 0), above stack slot `at`. ftr/ntr: the values the
 * call or return transfers, as local indices of the hooked frame (debug.getinfo 'r').
 */
function runHook(L: LuaThread, event: string, line: number, at: number, ftr: number, ntr: number): void {
  const f = L.frames[L.ci];
  const top = L.top;
  f.ftransfer = ftr;
  f.ntransfer = ntr;
  L.inHook = true;
  try {
    callHidden(L, at, 1, L.hook, event, line >= 0 ? line : undefined, 2);
  } finally {
    L.inHook = false;
    f.ftransfer = 0;
    f.ntransfer = 0;
    L.top = top;
  }
}

/**
 * Call fn(a1[, a2]) on L above stack slot `at` (a nested execute) from an entry frame that
 * stack levels and tracebacks do not show (hookCall: 1 a hook, 2 a message handler), and
 * return its first result. It cannot yield. An error is raised again here; for an error in
 * a hook, the message handler of whatever catches it runs first, at the error point.
 */
function callHidden(L: LuaThread, at: number, hookCall: number, fn: LuaValue, a1: LuaValue, a2: LuaValue, nargs: number): LuaValue {
  const entry = L.pushFrame();
  entry.kind = FRAME_ENTRY;
  entry.closure = null;
  entry.native = null;
  entry.func = at;
  entry.base = at + 1;
  entry.top = at + 2 + nargs;
  entry.results = null;
  entry.entryHandler = hookCall === 1 ? hookErrorHandler : null;
  entry.pstatus = 0;
  entry.cont = CONT.DISCARD;
  entry.tailcall = false;
  entry.hookCall = hookCall;
  entry.ccall = 1;
  L.nccalls++;
  L.ensureStack(at + 8);
  const s = L.stack;
  s[at + 1] = fn;
  s[at + 2] = a1;
  s[at + 3] = a2;
  L.nyci++;
  try {
    execute(L.vm, entry, nargs);
    const r = entry.results as LuaValue[] | null; // set by finishCall (CONT.ENTRY)
    return r !== null && r.length > 0 ? r[0] : undefined;
  } catch (e) {
    if (e instanceof EntryError) throw new LuaThrow(e.value);
    throw e;
  } finally {
    L.nyci--;
    entry.hookCall = 0;
    entry.results = null;
  }
}

/**
 * The entry handler of a hook call: an error escapes the hook function. It is raised again
 * at the hooked point, but the message handler of the xpcall (or host entry) that is to
 * catch it runs now, at the error point, with the hook's frames in place (as in the
 * reference, where the error crosses the hook directly).
 */
function hookErrorHandler(L: LuaThread, ev: LuaValue): LuaValue {
  const frames = L.frames;
  let ci = L.ci;
  while (ci > 0 && frames[ci].hookCall !== 1) ci--;
  for (ci--; ci > 0; ci--) {
    const f = frames[ci];
    if (f.kind === FRAME_PCALL || f.kind === FRAME_ENTRY) break;
    if (f.kind === FRAME_GEN && f.native !== null && f.native.catches && f.gen !== null) return ev;
  }
  if (ci <= 0) return ev; // a coroutine dies (its resumer runs no handler at the error point)
  const pf = frames[ci];
  if (pf.kind === FRAME_PCALL) {
    if (pf.pstatus !== 0 || pf.handler === undefined) return ev;
    pf.pstatus = 1;
    try {
      ev = callHidden(L, frameTop(frames[L.ci]), 2, pf.handler, ev, undefined, 1);
    } catch {
      ev = 'error in error handling';
    }
    pf.pstatus = 3; // handled: handleError goes straight to unwinding
    return ev;
  }
  if (pf.entryHandler !== null && pf.pstatus === 0) {
    pf.pstatus = 1;
    ev = pf.entryHandler(L, ev);
  }
  return ev;
}

/** Lua function of frame f (on top) starts: call hook ("call" or "tail call"); line state. */
function hookCallLua(L: LuaThread, f: Frame): void {
  const p = f.closure!.proto;
  L.oldpc = 0;
  if ((L.hookMask & HOOK_CALL) !== 0 && !L.inHook && L.hook !== undefined) {
    f.pc = 1; // hooks see the first instruction as the current one
    runHook(L, f.tailcall ? 'tail call' : 'call', -1, frameTop(f), 1, p.numparams);
    f.pc = 0;
  }
  // the first traced instruction is a new line (for vararg functions, the one after the
  // VARARGPREP, which is not traced)
  L.oldpc = p.isVararg ? 1 : 0;
}

/** Host function of frame f (on top) is called with nargs arguments: call hook. */
function hookCallNative(L: LuaThread, f: Frame, nargs: number): void {
  if ((L.hookMask & HOOK_CALL) !== 0 && !L.inHook && L.hook !== undefined) {
    runHook(L, 'call', -1, f.top, 1, nargs);
  }
}

/**
 * Frame f (on top) returns n values from stack[src..]: return hook for host functions and
 * marker frames (Lua functions had theirs before their RETURN); line state of the caller.
 */
function hookReturn(L: LuaThread, f: Frame, src: number, n: number): void {
  if (f.kind !== FRAME_LUA && (L.hookMask & HOOK_RET) !== 0 && !L.inHook && L.hook !== undefined) {
    // the frame has completed: an error raised by the hook goes past it (a finished pcall
    // or generator catches nothing more)
    if (f.kind === FRAME_PCALL || f.kind === FRAME_GEN) f.kind = FRAME_NATIVE;
    runHook(L, 'return', -1, Math.max(frameTop(f), src + n), src - f.func, n);
  }
  hookOldpc(L, L.ci);
}

/** Return hook of the Lua frame f about to return n values from stack[ra..] (RETURN at pc). */
function hookReturnLua(L: LuaThread, f: Frame, pc: number, ra: number, n: number): void {
  if ((L.hookMask & HOOK_RET) !== 0 && !L.inHook && L.hook !== undefined) {
    f.pc = pc + 1;
    runHook(L, 'return', -1, Math.max(frameTop(f), ra + n), ra - f.base + 1, n);
    f.pc = pc;
  }
  hookOldpc(L, L.ci);
}

/** Frame ci returns: line tracing goes on in its caller, from the calling instruction. */
function hookOldpc(L: LuaThread, ci: number): void {
  let c = ci - 1;
  // a hook function returns to the function it hooked
  if (c > 0 && L.frames[c].hookCall === 1) c--;
  if (c >= 0) {
    const f = L.frames[c];
    if (f.kind === FRAME_LUA) L.oldpc = f.pc - 1;
  }
}

/** Source line of instruction pc, or -1 (no line information: stripped chunk). */
function lineAt(p: Proto, pc: number): number {
  return pc < p.lineinfo.length ? p.lineinfo[pc] : -1;
}

/**
 * The trap of a thread with a hook: the Lua frame on top is about to run the instruction at
 * pc (frame.pc = pc). Fires count and line events, then returns 0 to have the loop run the
 * instruction inline, 1 when it ran it here (a call or tail call: reload the frame), 2 to end
 * the slice first (the instruction is trapped again when the loop comes back).
 */
function hookStep(vm: LuaVM, L: LuaThread, frame: Frame, pc: number): number {
  if (--vm.hookTicks < 0) {
    // slices still end every budgetChunk instructions (collections, instruction limits)
    vm.hookTicks = vm.budgetChunk;
    checkHeap(vm);
    if (vm.onBudget !== null) vm.onBudget(vm);
    return 2;
  }
  if (vm.instructionLimit !== Infinity) checkHookedInstruction(vm);
  vm.instructions++;
  const p = frame.closure!.proto;
  const i = p.code[pc];
  const op = i & 0x7f;
  if (L.hookSkip) L.hookSkip = false;
  else if (op !== 78 /* VARARGPREP */) traceExec(L, frame, p, pc, i);
  switch (op) {
    case 65: /* CALL */ {
      const ra = frame.base + ((i >>> 7) & 0xff);
      const b = (i >>> 16) & 0xff;
      const nargs = b !== 0 ? b - 1 : L.top - ra - 1;
      frame.pc = pc + 1;
      precall(L, ra, nargs, (i >>> 24) - 1, CONT.CALL, 0, 0);
      return 1;
    }
    case 66: /* TAILCALL */
      tailCallHooked(L, frame, pc, i);
      return 1;
    case 73: /* TFORCALL */ {
      const ra = frame.base + ((i >>> 7) & 0xff);
      const s = L.stack;
      s[ra + 4] = s[ra];
      s[ra + 5] = s[ra + 1];
      s[ra + 6] = s[ra + 2];
      frame.pc = pc + 1;
      precall(L, ra + 4, 2, i >>> 24, CONT.CALL, 0, 0);
      return 1;
    }
    case 67: /* RETURN */ {
      // its __close handlers run first (the RETURN is re-run after each)
      const tbc = L.tbc;
      if (tbc.length > 0 && tbc[tbc.length - 1] >= frame.base) return 0;
      const ra = frame.base + ((i >>> 7) & 0xff);
      const b = (i >>> 16) & 0xff;
      const n = frame.pendingRet >= 0 ? frame.pendingRet : b !== 0 ? b - 1 : L.top - ra;
      hookReturnLua(L, frame, pc, ra, n);
      return 0;
    }
    case 68: /* RETURN0 */
      hookReturnLua(L, frame, pc, frame.base + ((i >>> 7) & 0xff), 0);
      return 0;
    case 69: /* RETURN1 */
      hookReturnLua(L, frame, pc, frame.base + ((i >>> 7) & 0xff), 1);
      return 0;
  }
  return 0;
}

/** Count and line events before the instruction i at pc of the Lua frame on top. */
function traceExec(L: LuaThread, frame: Frame, p: Proto, pc: number, i: number): void {
  const mask = L.hookMask;
  let count = false;
  if ((mask & HOOK_COUNT) !== 0 && --L.hookCounter <= 0) {
    L.hookCounter = L.hookCount;
    count = true;
  }
  if (!count && (mask & HOOK_LINE) === 0) return;
  // the hook runs above the registers, and above the values of a multiple-results
  // instruction (B = 0) waiting for this one
  let at = frameTop(frame);
  const op = i & 0x7f;
  if ((i >>> 16 & 0xff) === 0 && (op === 65 /* CALL */ || op === 66 /* TAILCALL */ || op === 67 /* RETURN */
      || op === 75 /* SETLIST */) && L.top > at) at = L.top;
  frame.pc = pc + 1; // hooks see this instruction as the current one
  if (count && !L.inHook && L.hook !== undefined) runHook(L, 'count', -1, at, 0, 0);
  if ((mask & HOOK_LINE) !== 0) {
    const oldpc = L.oldpc < p.code.length ? L.oldpc : 0;
    const line = lineAt(p, pc);
    // a new line, or a jump backwards (a loop runs the same line again)
    if (pc <= oldpc || (line !== lineAt(p, oldpc) && line >= 0)) {
      if (!L.inHook && L.hook !== undefined) runHook(L, 'line', line, at, 0, 0);
    }
    L.oldpc = pc;
  }
  frame.pc = pc;
}

/** TAILCALL at pc of the Lua frame on top, on a thread with a hook (the "tail call" event). */
function tailCallHooked(L: LuaThread, frame: Frame, pc: number, i: number): void {
  const vm = L.vm;
  const base = frame.base;
  const ra = base + ((i >>> 7) & 0xff);
  const b = (i >>> 16) & 0xff;
  let nargs = b !== 0 ? b - 1 : L.top - ra - 1;
  frame.pc = pc + 1;
  if ((i & 0x8000) !== 0 || (L.openupval !== null && L.openupval.idx >= base)) closeUpvals(L, base);
  let fv = L.stack[ra];
  if (!(fv instanceof LuaClosure) && !(fv instanceof NativeFunction)) {
    const tm = getTM(vm, fv, '__call');
    if (tm === undefined) callError(L, ra, fv);
    L.ensureStack(ra + nargs + 2);
    const s = L.stack;
    for (let j = ra + nargs; j >= ra; j--) s[j + 1] = s[j];
    s[ra] = tm;
    nargs++;
    fv = tm;
  }
  const s = L.stack;
  if (fv instanceof LuaClosure) {
    // the callee replaces the frame
    const func = frame.func;
    for (let j = 0; j <= nargs; j++) s[func + j] = s[ra + j];
    const nres = frame.nresults;
    const cont = frame.cont;
    const contA = frame.contA;
    const ccall = frame.ccall;
    L.ci--;
    const nf = pushLua(L, fv, func, nargs, nres, cont, contA);
    nf.tailcall = true;
    nf.ccall = ccall;
    hookCallLua(L, nf);
    return;
  }
  precall(L, ra, nargs, -1, CONT.CALL, 0, 0);
  if (L.frames[L.ci] === frame && L === vm.current) {
    // a host function finished: the frame returns its results
    const n = L.top - ra;
    hookReturnLua(L, frame, pc, ra, n);
    finishCall(L, ra, n);
  }
}

// ---------------------------------------------------------------------------------------
// pcall, coroutines

function callSpecial(L: LuaThread, fn: NativeFunction, func: number, nargs: number, nres: number, cont: number, contA: number, ccall: number): void {
  const s = L.stack;
  switch (fn.special) {
    case SPECIAL.PCALL: {
      const pf = pushNative(L, fn, func, nargs, nres, cont, contA);
      if (ccall !== 0) { pf.ccall = 1; L.nccalls++; }
      if (L.hookMask !== 0) hookCallNative(L, pf, nargs);
      if (nargs < 1) {
        argErrorAt(L, 1, 'value expected');
      }
      pf.kind = FRAME_PCALL;
      pf.handler = undefined;
      pf.pstatus = 0;
      pf.tbcLevel = L.tbc.length;
      precall(L, func + 1, nargs - 1, -1, CONT.PCALL, 0, 1);
      return;
    }
    case SPECIAL.XPCALL: {
      const pf = pushNative(L, fn, func, nargs, nres, cont, contA);
      if (ccall !== 0) { pf.ccall = 1; L.nccalls++; }
      if (L.hookMask !== 0) hookCallNative(L, pf, nargs);
      const h = nargs >= 2 ? s[func + 2] : undefined;
      if (!(h instanceof LuaClosure || h instanceof NativeFunction)) {
        argErrorAt(L, 2, `function expected, got ${nargs < 2 ? 'no value' : objTypeName(L.vm, h)}`);
      }
      pf.kind = FRAME_PCALL;
      pf.handler = s[func + 2];
      pf.pstatus = 0;
      pf.tbcLevel = L.tbc.length;
      // move the function over the handler: f, args... start at func+2
      s[func + 2] = s[func + 1];
      precall(L, func + 2, nargs - 2, -1, CONT.PCALL, 0, 1);
      return;
    }
    case SPECIAL.RESUME:
    case SPECIAL.WRAPCALL:
      resume(L, fn, func, nargs, nres, cont, contA);
      return;
    case SPECIAL.YIELD:
      yieldCo(L, fn, func, nargs, nres, cont, contA);
      return;
  }
}

/** "bad argument" error raised by the native frame on top (used by special natives). */
function argErrorAt(L: LuaThread, narg: number, msg: string): never {
  const name = frameFuncName(L, L.ci);
  const f = L.frames[L.ci];
  let fname = name !== null ? name.name : null;
  if (fname === null && f.native !== null) fname = globalFuncName(L, f.native) ?? '?';
  throw new LuaThrow(where(L, L.ci - 1) + `bad argument #${narg} to '${fname}' (${msg})`);
}

function resume(L: LuaThread, fn: NativeFunction, func: number, nargs: number, nres: number, cont: number, contA: number): void {
  const vm = L.vm;
  const isWrap = fn.special === SPECIAL.WRAPCALL;
  const rf = pushNative(L, fn, func, nargs, nres, cont, contA);
  if (L.hookMask !== 0) hookCallNative(L, rf, nargs);
  const s = L.stack;
  let co: LuaThread;
  let argStart: number;
  let na: number;
  if (isWrap) {
    co = fn.data as LuaThread;
    argStart = func + 1;
    na = nargs;
  } else {
    const c = s[func + 1];
    if (!(c instanceof LuaThread)) {
      argErrorAt(L, 1, `thread expected, got ${nargs < 1 ? 'no value' : objTypeName(vm, c)}`);
    }
    co = c;
    argStart = func + 2;
    na = nargs - 1;
  }
  let err: string | null = null;
  if (co.status !== CO_SUSPENDED) {
    err = co.status === CO_DEAD ? 'cannot resume dead coroutine' : 'cannot resume non-suspended coroutine';
  } else if (L.nccalls >= MAXCCALLS) {
    err = 'C stack overflow';
  }
  if (err !== null) {
    if (isWrap) {
      throw new LuaThrow(where(L, L.ci - 1) + err);
    }
    s[rf.base] = false;
    s[rf.base + 1] = err;
    finishCall(L, rf.base, 2);
    return;
  }
  co.resumer = L;
  co.isWrap = isWrap;
  L.status = CO_NORMAL;
  co.status = CO_RUNNING;
  co.nccalls = L.nccalls + 1;
  vm.current = co;
  if (co.hookMask !== 0) hookTrapOn(vm);
  const cs = co.stack;
  if (co.body !== undefined) {
    const body = co.body;
    co.body = undefined;
    co.ensureStack(2 + na + 8);
    cs[1] = body;
    for (let j = 0; j < na; j++) cs[2 + j] = s[argStart + j];
    co.ci = 0;
    precall(co, 1, na, -1, CONT.COEND, 0, 0);
  } else {
    const yf = co.frames[co.ci];
    co.ensureStack(yf.base + na + 8);
    const cs2 = co.stack;
    for (let j = 0; j < na; j++) cs2[yf.base + j] = s[argStart + j];
    finishCall(co, yf.base, na);
  }
}

/** Deliver values from a coroutine to the resume/wrap frame on top of its resumer R. */
function deliverToResumer(co: LuaThread, R: LuaThread, ok: boolean, src: number, n: number): void {
  const vm = co.vm;
  vm.current = R;
  if (R.hookMask !== 0) hookTrapOn(vm);
  R.status = CO_RUNNING;
  const rf = R.frames[R.ci];
  const isWrap = rf.native !== null && rf.native.special === SPECIAL.WRAPCALL;
  const off = isWrap ? 0 : 1;
  R.ensureStack(rf.base + n + 2);
  const rs = R.stack;
  const cs = co.stack;
  for (let j = 0; j < n; j++) rs[rf.base + off + j] = cs[src + j];
  if (!isWrap) rs[rf.base] = ok;
  finishCall(R, rf.base, n + off);
}

function yieldCo(L: LuaThread, fn: NativeFunction, func: number, nargs: number, nres: number, cont: number, contA: number): void {
  if (L.resumer === null) rtErrorNative(L, 'attempt to yield from outside a coroutine');
  if (L.nyci > 0 || !canYield(L)) rtErrorNative(L, 'attempt to yield across a C-call boundary');
  const yf = pushNative(L, fn, func, nargs, nres, cont, contA);
  if (L.hookMask !== 0) hookCallNative(L, yf, nargs);
  const R = L.resumer;
  L.resumer = null;
  L.status = CO_SUSPENDED;
  deliverToResumer(L, R, true, func + 1, nargs);
}

/**
 * Can the running Lua code of coroutine L yield? Not when a library function that the
 * reference interpreter implements without continuations (table.sort, gsub, tostring, ...;
 * generator natives not marked yieldable) is waiting on the stack for the Lua code it called.
 * (Host functions can still suspend such code asynchronously: that is not a coroutine yield.)
 */
export function canYield(L: LuaThread): boolean {
  for (let ci = L.ci; ci > 0; ci--) {
    const f = L.frames[ci];
    if (f.kind === FRAME_GEN && f.native !== null && !f.native.yieldable) return false;
  }
  return true;
}

function rtErrorNative(L: LuaThread, msg: string): never {
  throw new LuaThrow(msg);
}

function coroutineEnd(co: LuaThread, src: number, n: number): void {
  co.status = CO_DEAD;
  const R = co.resumer!;
  co.resumer = null;
  deliverToResumer(co, R, true, src, n);
}

// ---------------------------------------------------------------------------------------
// error handling

/** Turn whatever was thrown into a Lua error value. Non-Lua exceptions are VM bugs or
 *  host exhaustion; they become Lua errors so a script never takes down its host. */
export function errorValue(e: unknown): LuaValue {
  if (e instanceof LuaThrow) return e.value;
  if (e instanceof RangeError) {
    const m = String(e.message);
    if (m.includes('call stack')) return 'stack overflow';
    return 'not enough memory';
  }
  if (e instanceof ArithError) return e.msg;
  if (e !== null && typeof e === 'object' && (e as any).luaValue !== undefined) return (e as any).luaValue;
  if (e instanceof Error) return `internal error: ${e.message}`;
  return String(e);
}

/**
 * An error with value `ev` was raised in thread L (the current thread): find the frame that
 * catches it, run the xpcall handler at the error point, then unwind.
 */
function handleError(L: LuaThread, ev: LuaValue, entry: Frame): void {
  const frames = L.frames;
  let ci = L.ci;
  for (; ci > 0; ci--) {
    const f = frames[ci];
    if (f.kind === FRAME_PCALL || f.kind === FRAME_ENTRY) break;
    // a generator native marked as catching errors gets errors raised by the Lua code it
    // called (not its own)
    if (f.kind === FRAME_GEN && ci < L.ci && f.native !== null && f.native.catches && f.gen !== null) break;
  }
  const pf = frames[ci];
  if (pf.kind === FRAME_PCALL) {
    if (pf.pstatus === 0 && pf.handler !== undefined) {
      pf.pstatus = 1;
      const at = frameTop(frames[L.ci]);
      L.ensureStack(at + 3);
      L.stack[at] = pf.handler;
      L.stack[at + 1] = ev;
      pf.errValue = ev;
      precall(L, at, 1, 1, CONT.HANDLER, ci, 1);
      return;
    }
    if (pf.pstatus === 1) ev = 'error in error handling';
    unwind(L, ci, ev);
    return;
  }
  if (pf.kind === FRAME_GEN) {
    unwind(L, ci, ev);
    return;
  }
  if (ci === 0 && L !== L.vm.mainThread && pf !== entry) {
    // an error escaping a coroutine kills it; coroutine.wrap closes it (running its pending
    // __close handlers) before propagating the error, resume leaves them for coroutine.close
    const R = L.resumer!;
    const rf = R.frames[R.ci];
    if (rf.native !== null && rf.native.special === SPECIAL.WRAPCALL) {
      unwind(L, 0, ev);
      return;
    }
    coroutineDied(L, ev, entry);
    return;
  }
  // the entry frame of this execute(): run its host handler, unwind, and leave
  if (pf.entryHandler !== null && pf.pstatus === 0) {
    pf.pstatus = 1;
    try {
      ev = pf.entryHandler(L, ev);
    } catch (e) {
      if (e instanceof VMSignal) throw e;
      ev = errorValue(e);
    }
  }
  unwind(L, ci, ev);
}

/** Coroutine L ended with error ev: mark it dead and report to its resumer. */
function coroutineDied(L: LuaThread, ev: LuaValue, entry: Frame): void {
  L.status = CO_DEAD;
  L.errValue = ev;
  const R = L.resumer!;
  L.resumer = null;
  const rf = R.frames[R.ci];
  if (rf.native !== null && rf.native.special === SPECIAL.WRAPCALL) {
    closeUpvals(L, 0);
    L.vm.current = R;
    if (R.hookMask !== 0) hookTrapOn(L.vm);
    R.status = CO_RUNNING;
    let e2 = ev;
    if (typeof e2 === 'string') e2 = where(R, R.ci - 1) + e2;
    handleError(R, e2, entry);
    return;
  }
  const tmp = L.stack.length;
  L.ensureStack(tmp + 1);
  L.stack[tmp] = ev;
  deliverToResumer(L, R, false, tmp, 1);
}

/** Pop L's frames above frame `ci` (host-boundary counts given back, generators ended). */
function popFrames(L: LuaThread, ci: number): void {
  for (let j = L.ci; j > ci; j--) {
    const f = L.frames[j];
    if (f.ccall !== 0) { L.nccalls--; f.ccall = 0; }
    if (f.kind === FRAME_GEN && f.gen !== null) {
      const g = f.gen;
      f.gen = null;
      try { g.return(0); } catch { /* ignore */ }
    }
  }
  L.ci = ci;
}

/**
 * Unwind thread L down to the catching frame at `ci` with error value `ev`: close upvalues,
 * run pending __close handlers one at a time (each returns here through CONT.UNWIND), then
 * complete: a pcall returns (false, ev), a catching generator gets the error thrown into it,
 * a dying coroutine reports to its resumer, an entry frame leaves execute().
 */
function unwind(L: LuaThread, ci: number, ev: LuaValue): void {
  const pf = L.frames[ci];
  pf.errValue = ev;
  pf.pstatus = 2;
  // drop the frames above the catching one
  popFrames(L, ci);
  const level = pf.kind === FRAME_PCALL ? pf.func + 1 : pf.kind === FRAME_GEN ? pf.top : pf.func;
  const tbc = L.tbc;
  if (tbc.length > 0 && tbc[tbc.length - 1] >= level) {
    const at = Math.max(tbc[tbc.length - 1] + 1, level);
    closeOne(L, level, at, CONT.UNWIND, ev, ci);
    return;
  }
  closeUpvals(L, level);
  // the error is caught: the extra slots given for a stack overflow are taken back
  if (L.stackLimit !== MAXSTACK) L.stackLimit = MAXSTACK;
  const s = L.stack;
  if (pf.kind === FRAME_PCALL) {
    pf.pstatus = 0;
    s[pf.func] = false;
    s[pf.func + 1] = ev;
    finishCall(L, pf.func, 2);
    return;
  }
  if (pf.kind === FRAME_GEN) {
    pf.pstatus = 0;
    const r = pf.gen!.throw(new LuaThrow(ev));
    genResult(L, pf, r);
    return;
  }
  if (ci === 0 && L !== L.vm.mainThread && L.resumer !== null) {
    coroutineDied(L, ev, pf);
    return;
  }
  // entry frame: pop it and report
  L.ci = ci - 1;
  if (pf.ccall !== 0) { L.nccalls--; pf.ccall = 0; }
  pf.results = null;
  throw new EntryError(ev);
}

/** Thrown out of execute() when an error reaches its entry frame. */
export class EntryError {
  value: LuaValue;
  constructor(v: LuaValue) {
    this.value = v;
  }
}

// ---------------------------------------------------------------------------------------
// slow paths of instructions

/** R[ra] := t[key] with metamethods. Returns true if it pushed a call. */
function getSlow(L: LuaThread, t: LuaValue, key: LuaValue, ra: number, src: number): boolean {
  if (typeof key === 'string' && t instanceof LuaTable) {
    // method and field lookups through __index tables (classes): the common case
    let o = t;
    for (let loop = 0; loop < MAXTAGLOOP; loop++) {
      const v = o.getStr(key);
      if (v !== undefined) {
        L.stack[ra] = v;
        return false;
      }
      const tm = fastTM(o.metatable, TM.INDEX);
      if (tm === undefined) {
        L.stack[ra] = undefined;
        return false;
      }
      if (!(tm instanceof LuaTable)) return getSlowGeneric(L, o, key, ra, loop === 0 ? src : SRC_NONE);
      o = tm;
    }
    rtError(L, "'__index' chain too long; possible loop");
  }
  return getSlowGeneric(L, t, key, ra, src);
}

function getSlowGeneric(L: LuaThread, t: LuaValue, key: LuaValue, ra: number, src: number): boolean {
  const vm = L.vm;
  for (let loop = 0; loop < MAXTAGLOOP; loop++) {
    let tm: LuaValue;
    if (t instanceof LuaTable) {
      const v = t.get(key);
      if (v !== undefined) {
        L.stack[ra] = v;
        return false;
      }
      tm = fastTM(t.metatable, TM.INDEX);
      if (tm === undefined) {
        L.stack[ra] = undefined;
        return false;
      }
    } else {
      tm = getTM(vm, t, '__index');
      if (tm === undefined) typeError(L, t, 'index', loop === 0 ? src : SRC_NONE);
    }
    if (isFunction(tm)) {
      callMeta(L, tm, t, key, undefined, 2, CONT.STORE, ra);
      return true;
    }
    t = tm;
  }
  rtError(L, "'__index' chain too long; possible loop");
}

function checkKey(L: LuaThread, key: LuaValue): void {
  if (key === undefined) rtError(L, 'table index is nil');
  if (typeof key === 'number' && key !== key) rtError(L, 'table index is NaN');
}

/** t[key] := v with metamethods. Returns true if it pushed a call. */
function setSlow(L: LuaThread, t: LuaValue, key: LuaValue, v: LuaValue, src: number): boolean {
  const vm = L.vm;
  for (let loop = 0; loop < MAXTAGLOOP; loop++) {
    let tm: LuaValue;
    if (t instanceof LuaTable) {
      const old = t.get(key);
      if (old !== undefined) {
        t.set(key, v);
        return false;
      }
      tm = fastTM(t.metatable, TM.NEWINDEX);
      if (tm === undefined) {
        checkKey(L, key);
        t.set(key, v);
        return false;
      }
    } else {
      tm = getTM(vm, t, '__newindex');
      if (tm === undefined) typeError(L, t, 'index', loop === 0 ? src : SRC_NONE);
    }
    if (isFunction(tm)) {
      callMeta(L, tm, t, key, v, 3, CONT.DISCARD, 0);
      return true;
    }
    t = tm;
  }
  rtError(L, "'__newindex' chain too long; possible loop");
}

/** Call metamethod tm(a, b[, c]) above the current frame with continuation cont. */
function callMeta(L: LuaThread, tm: LuaValue, a: LuaValue, b: LuaValue, c: LuaValue, nargs: number, cont: number, contA: number): void {
  const at = frameTop(L.frames[L.ci]);
  L.ensureStack(at + 4);
  const s = L.stack;
  s[at] = tm;
  s[at + 1] = a;
  s[at + 2] = b;
  s[at + 3] = c;
  precall(L, at, nargs, 1, cont, contA, 1);
}

/** Arithmetic/bitwise slow path: R[ra] := a op b. Returns true if it pushed a call. */
function arithSlow(L: LuaThread, op: number, a: LuaValue, b: LuaValue, ra: number, srcA: number, srcB: number): boolean {
  let r: LuaValue;
  try {
    r = arith(op, a, b);
  } catch (e) {
    if (e instanceof ArithError) rtError(L, e.msg);
    throw e;
  }
  if (r !== NOTNUM && r !== NOINT) {
    L.stack[ra] = r;
    return false;
  }
  const vm = L.vm;
  const ev = AR_EVENTS[op];
  let tm = getTM(vm, a, ev);
  if (tm === undefined) tm = getTM(vm, b, ev);
  if (tm !== undefined) {
    callMeta(L, tm, a, b, undefined, 2, CONT.STORE, ra);
    return true;
  }
  if (op >= AR.BAND && op !== AR.UNM) {
    if (isNum(a) && isNum(b)) {
      const bad = bitInt(a) === undefined ? srcA : srcB;
      rtError(L, `number${varInfo(L, bad)} has no integer representation`);
    }
    if (!isNum(a)) typeError(L, a, 'perform bitwise operation on', srcA);
    typeError(L, b, 'perform bitwise operation on', srcB);
  }
  if (!isNum(a)) typeError(L, a, 'perform arithmetic on', srcA);
  typeError(L, b, 'perform arithmetic on', srcB);
}

/** x - c compiled as ADDI x, -c (k set): numbers add -c; metamethods see __sub(x, c). */
function subISlow(L: LuaThread, x: LuaValue, negc: number, ra: number, srcA: number): boolean {
  if (isNum(x)) return arithSlow(L, AR.ADD, x, negc, ra, srcA, SRC_NONE);
  return arithSlow(L, AR.SUB, x, 0 - negc, ra, srcA, SRC_NONE);
}

/** Order comparison slow path. Returns the result, or null when it pushed a metamethod call. */
function lessSlow(L: LuaThread, a: LuaValue, b: LuaValue, le: boolean, k: number): boolean | null {
  if (isNum(a) && isNum(b)) return le ? numLE(a, b) : numLT(a, b);
  if (typeof a === 'string' && typeof b === 'string') return le ? a <= b : a < b;
  const ev = le ? '__le' : '__lt';
  let tm = getTM(L.vm, a, ev);
  if (tm === undefined) tm = getTM(L.vm, b, ev);
  if (tm === undefined) orderError(L, a, b);
  callMeta(L, tm, a, b, undefined, 2, CONT.COND, k);
  return null;
}

/** Equality slow path (a !== b already). Returns the result, or null when it pushed a call. */
function eqSlow(L: LuaThread, a: LuaValue, b: LuaValue, k: number): boolean | null {
  if (isNum(a) && isNum(b)) return numEQ(a, b);
  if (a instanceof LuaTable && b instanceof LuaTable) {
    let tm = fastTM(a.metatable, TM.EQ);
    if (tm === undefined) tm = fastTM(b.metatable, TM.EQ);
    if (tm === undefined) return false;
    callMeta(L, tm, a, b, undefined, 2, CONT.COND, k);
    return null;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object'
      && a.constructor === b.constructor && (a as any).metatable !== undefined) {
    // userdata
    let tm = fastTM((a as any).metatable, TM.EQ);
    if (tm === undefined) tm = fastTM((b as any).metatable, TM.EQ);
    if (tm === undefined) return false;
    callMeta(L, tm, a, b, undefined, 2, CONT.COND, k);
    return null;
  }
  return false;
}

function isStrNum(v: LuaValue): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat;
}

function tostr(v: LuaValue): string {
  return typeof v === 'string' ? v : numberToString(v);
}

/**
 * Concatenate stack[ra .. ra+n-1] into stack[ra], right to left, with __concat where needed.
 * Returns true when it pushed a metamethod call (the instruction is re-run afterwards).
 */
function concat(L: LuaThread, f: Frame, ra: number, n: number): boolean {
  const s = L.stack;
  let top = ra + n;
  while (n > 1) {
    const a = s[top - 2];
    const b = s[top - 1];
    if (isStrNum(a) && isStrNum(b)) {
      // take every string/number from the right
      let j = top - 2;
      while (j > ra && isStrNum(s[j - 1])) j--;
      let str = '';
      for (let x = j; x < top; x++) str += tostr(s[x]);
      const vm = L.vm;
      if (vm.memoryLimit !== Infinity || str.length > vm.stringLimit) checkAlloc(vm, str.length);
      vm.gcdebt += 24 + str.length;
      s[j] = str;
      n -= top - j - 1;
      top = j + 1;
    } else {
      let tm = getTM(L.vm, a, '__concat');
      if (tm === undefined) tm = getTM(L.vm, b, '__concat');
      if (tm === undefined) {
        const badIdx = isStrNum(a) ? top - 1 : top - 2;
        typeError(L, s[badIdx], 'concatenate', badIdx - f.base);
      }
      callMeta(L, tm, a, b, undefined, 2, CONT.CONCAT, top - 2);
      return true;
    }
  }
  return false;
}

function lenSlow(L: LuaThread, v: LuaValue, ra: number, src: number): boolean {
  const tm = getTM(L.vm, v, '__len');
  if (tm !== undefined) {
    callMeta(L, tm, v, v, undefined, 2, CONT.STORE, ra);
    return true;
  }
  if (v instanceof LuaTable) {
    L.stack[ra] = v.length();
    return false;
  }
  if (typeof v === 'string') {
    L.stack[ra] = v.length;
    return false;
  }
  typeError(L, v, 'get length of', src);
}

/** Numeric for loop preparation (§3.3.5). Returns false when the loop must not run. */
function forPrep(L: LuaThread, ra: number): boolean {
  const s = L.stack;
  const init = s[ra];
  const limit = s[ra + 1];
  const step = s[ra + 2];
  const isIntInit = (typeof init === 'number' && Number.isInteger(init)) || typeof init === 'bigint';
  const isIntStep = (typeof step === 'number' && Number.isInteger(step)) || typeof step === 'bigint';
  if (isIntInit && isIntStep) {
    if (step === 0) rtError(L, "'for' step is zero");
    // integer loop: clip a float limit and count iterations
    let lim: number | bigint;
    let limv = limit;
    if (typeof limv === 'string') {
      const n = strToNumber(limv);
      if (n !== undefined) limv = n;
    }
    if ((typeof limv === 'number' && Number.isInteger(limv)) || typeof limv === 'bigint') {
      lim = limv;
    } else if (isNum(limv)) {
      const fl = numToFloat(limv);
      if (fl !== fl) return false; // NaN: loop does not run
      const up = step > 0;
      const r = up ? Math.floor(fl) : Math.ceil(fl);
      const li = floatToInt(r);
      if (li === undefined) {
        // limit beyond the integer range
        if (up ? fl < 0 : fl > 0) return false;
        lim = up ? 9223372036854775807n : -9223372036854775808n;
      } else {
        lim = li;
      }
    } else {
      forError(L, 'limit', limit);
    }
    if (step > 0 ? init > lim : init < lim) return false;
    // iteration count (unsigned): (lim - init) / step
    let count: number | bigint;
    if (typeof init === 'number' && typeof lim === 'number' && typeof step === 'number') {
      count = step > 0 ? Math.floor((lim - init) / step) : Math.floor((init - lim) / -step);
    } else {
      const bi = BigInt(init);
      const bl = BigInt(lim);
      const bs = BigInt(step);
      const c = bs > 0n ? (bl - bi) / bs : (bi - bl) / (-bs);
      count = c <= 9007199254740991n ? Number(c) : c;
    }
    s[ra + 1] = count;
    s[ra + 3] = init;
    return true;
  }
  // float loop (numeric strings are converted)
  const fi = forNum(L, init, 'initial value');
  const fl = forNum(L, limit, 'limit');
  const fs = forNum(L, step, 'step');
  if (fs === 0) rtError(L, "'for' step is zero");
  if (fs > 0 ? !(fi <= fl) : !(fl <= fi)) return false;
  s[ra] = fi;
  s[ra + 1] = new ForLimit(fl);
  s[ra + 2] = fs;
  s[ra + 3] = mkfloat(fi);
  return true;
}

/** The limit of a float for loop (boxed so FORLOOP tells float loops from integer ones). */
class ForLimit {
  readonly n: number;
  constructor(n: number) {
    this.n = n;
  }
}

function forNum(L: LuaThread, v: LuaValue, what: string): number {
  if (isNum(v)) return numToFloat(v);
  if (typeof v === 'string') {
    const n = strToNumber(v);
    if (n !== undefined) return numToFloat(n);
  }
  forError(L, what, v);
}

function forError(L: LuaThread, what: string, v: LuaValue): never {
  rtError(L, `bad 'for' ${what} (number expected, got ${objTypeName(L.vm, v)})`);
}

/** Integer for loop step when the counter is not a small number. Returns true to loop. */
function forLoopSlow(L: LuaThread, ra: number): boolean {
  const s = L.stack;
  const count = s[ra + 1];
  if ((typeof count === 'number' && Number.isInteger(count)) || typeof count === 'bigint') {
    if (count === 0 || count === 0n) return false;
    s[ra + 1] = typeof count === 'bigint' ? (count - 1n <= 9007199254740991n ? Number(count - 1n) : count - 1n) : count - 1;
    const v = s[ra];
    const step = s[ra + 2];
    let nv: number | bigint;
    if (typeof v === 'number' && typeof step === 'number') {
      nv = v + step;
      if (nv > MAXSAFE || nv < -MAXSAFE) nv = BigInt.asIntN(64, BigInt(v) + BigInt(step));
    } else {
      nv = BigInt.asIntN(64, BigInt(v) + BigInt(step));
    }
    if (typeof nv === 'bigint' && nv >= -9007199254740991n && nv <= 9007199254740991n) nv = Number(nv);
    s[ra] = nv;
    s[ra + 3] = nv;
    return true;
  }
  // float loop
  const step = s[ra + 2] as number;
  const v = (s[ra] as number) + step;
  const lim = (count as ForLimit).n;
  if (step > 0 ? v <= lim : lim <= v) {
    s[ra] = v;
    s[ra + 3] = mkfloat(v);
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// the loop

/**
 * Run the VM until `entry` (an ENTRY frame of the current thread, already holding the
 * function and arguments at entry.func+1..) has its results. Errors that reach the entry
 * frame leave as EntryError.
 */
export function execute(vm: LuaVM, entry: Frame, nargs: number, resume: (() => void) | null = null): void {
  // The loop runs in slices of vm.budgetChunk instructions: returning to this trampoline
  // between slices lets V8 optimise (and re-optimise after a deopt) the loop function by
  // ordinary call counting instead of relying on on-stack replacement.
  // `resume` (a suspended entry continuing, see suspend.ts) runs first instead of the call.
  // Both happen here rather than in the loop function: V8 optimises that function long
  // before the first nested entry (a pcall, a sort comparator, a gsub callback) reaches
  // code it never ran, and that code threw the optimised loop away.
  vm.execDepth++;
  // table growth since the last run (the host's own table building) is this state's
  takeTableGrowth(vm);
  try {
    try {
      if (resume === null) precall(vm.current, entry.func + 1, nargs, -1, CONT.ENTRY, 0, 0);
      else resume();
    } catch (e) {
      if (vm.budget < 0) vm.budget = 0;
      recover(vm, e, entry);
    }
    while (!runSlice(vm, entry)) {
      // a safe point between instructions: collect when enough was allocated (§2.5.1)
      if (vm.gcdebt > vm.gcthreshold && vm.gcrunning) autoCollect(vm);
    }
  } finally {
    vm.execDepth--;
    takeTableGrowth(vm);
  }
}

/**
 * An automatic collection: trace, clear weak tables, run pending finalizers. When it finds
 * nothing a script could observe (no weak table, no object with a finalizer) and no memory
 * limit is set, it only measured the heap (the host's collector frees the garbage anyway):
 * the next one comes after twice, four times ... up to sixteen times (vm.gcquietMax) the
 * usual allocation, so a program without weak tables or finalizers stops paying for tracing
 * its whole heap over and over; those later collections count each reference to a string
 * instead of each distinct string (the estimate can only grow, so they come no sooner).
 * Anything observable found again brings the usual pause back.
 */
function autoCollect(vm: LuaVM): void {
  // after a quiet collection, this one is a measurement only: strings count at each
  // reference (see fullCollection; with a memory limit they count once)
  fullCollection(vm, !(vm.gcquiet > 1 && vm.memoryLimit === Infinity));
  if (!vm.gcobservable && vm.memoryLimit === Infinity) {
    if (vm.gcquiet < vm.gcquietMax) vm.gcquiet *= 2;
    vm.gcthreshold *= vm.gcquiet;
  } else {
    vm.gcquiet = 1;
  }
  if (vm.tobefnz.length > 0 && vm.runFinalizers !== null) vm.runFinalizers();
}

/** Placeholders for runSlice's frame locals before the first frame is loaded (shared, never written). */
const NO_CODE = new Int32Array(0);
const NO_K: LuaValue[] = generalArray();
const NO_UPVALS: UpVal[] = EMPTY_UPVALS;

/** SELF: the method lookup needs the general path. */
const NO_VALUE: LuaValue = Symbol('no value') as unknown as LuaValue;

/** A field cache miss (see Proto.ic): t[key] from the hash part, remembering its slot. */
/** Shared LuaFloat objects for LOADF's integral constants in [-SMALL_FLOAT, SMALL_FLOAT]. */
const SMALL_FLOAT = 256;
const SMALL_FLOATS: LuaFloat[] = Array.from({ length: 2 * SMALL_FLOAT + 1 }, (_, j) => new LuaFloat(j - SMALL_FLOAT));

function icMiss(t: LuaTable, key: LuaValue, ic: Int32Array, pc: number): LuaValue {
  const j = t.hmap.get(key);
  if (j === undefined) return undefined;
  ic[pc] = j;
  return t.hvals[j];
}

/** Run until `entry` completes (true) or the slice budget is used up (false). */
function runSlice(vm: LuaVM, entry: Frame): boolean {
  let L = vm.current;
  let stack = L.stack;
  let frame = L.frames[L.ci];
  let cl: LuaClosure;
  let code: Int32Array = NO_CODE;
  let ic: Int32Array = NO_CODE;
  let k: LuaValue[] = NO_K;
  let upvals: UpVal[] = NO_UPVALS;
  let base = 0;
  let pc = 0;
  let budget = vm.budget;
  let fbox = 0;
  for (;;) {
    try {
      newframe: for (;;) {
        if (entry.results !== null) {
          vm.budget = budget;
          return true;
        }
        L = vm.current;
        stack = L.stack;
        frame = L.frames[L.ci];
        if (frame.kind !== 0 /* FRAME_LUA */) {
          throw new Error(`internal error: no Lua frame to run (kind ${frame.kind})`);
        }
        cl = frame.closure!;
        // JIT: a hot frame (its proto's countdown ran out; compiled protos stay there) runs
        // in compiled code from frame.pc, compiled first if needed (jitRun): 1 when the
        // frames changed, else this loop continues at frame.pc. The compiled code saves
        // frame.pc and vm.budget itself, also when it throws. The other hooks below only
        // count and come back here with `continue newframe`.
        // The first frame after a slice ends also goes through (jitPrime; jitRun returns -1
        // at once for a proto that is not hot), so that V8 has type feedback for this block
        // early (a new state's first slice is short): its first use after V8 optimised this
        // function would otherwise throw that code away.
        if (L.hookMask === 0 && (cl.proto.jitCount <= 0 || jitPrime)) {
          jitPrime = false;
          vm.budget = budget;
          let r: number;
          const depth = vm.jitDepth;
          try {
            r = jitRun(L, frame);
          } catch (e) {
            // compiled code saved frame.pc and vm.budget as it threw; the nested calls of
            // compiled code it made (runNested) are gone, and their count with them
            budget = vm.budget;
            vm.jitDepth = depth;
            throw e;
          }
          budget = vm.budget;
          if (r > 0) continue newframe;
        }
        code = cl.proto.code;
        ic = cl.proto.ic;
        k = cl.proto.k;
        upvals = cl.upvals;
        base = frame.base;
        pc = frame.pc;
        for (;;) {
          if (--budget < 0) {
            frame.pc = pc;
            vm.budget = 0;
            if (L.hookMask === 0) {
              // end of slice: the instruction at pc runs when the loop is re-entered (called
              // from here: V8 inlines a small wrapper with the type feedback it collected,
              // which it had not, being called once per slice)
              refillBudget(vm);
              jitPrime = true;
              return false;
            }
            // a thread with a debug hook traps at every instruction (see hookStep)
            const h = hookStep(vm, L, frame, pc);
            budget = vm.budget;
            if (h !== 0) {
              if (h === 2) return false;
              continue newframe;
            }
          }
          const i = code[pc++];
          // every operand field is decoded here, whatever the opcode: an operation in a case
          // that first runs after V8 optimised this function would have no type feedback
          // and throw the optimised code away (even a shift of the instruction word)
          const iAx = i >>> 7;
          const iA = iAx & 0xff;
          const iB = (i >>> 16) & 0xff;
          const iC = i >>> 24;
          const iBx = i >>> 15;
          // the pc past the next instruction, for the cases that skip it (tests, EXTRAARG)
          const pcSkip = pc + 1;
          const ra = base + iA;
          switch (i & 0x7f) {
            case 0: /* MOVE */
              stack[ra] = stack[base + (iB)];
              continue;
            case 1: /* LOADI */
              stack[ra] = (iBx) - 65535;
              continue;
            case 2: /* LOADF */ {
              // LuaFloat is immutable: the common small constants (0.0, 1.0, ...) are shared
              const f = (iBx) - 65535;
              stack[ra] = f >= -SMALL_FLOAT && f <= SMALL_FLOAT ? SMALL_FLOATS[f + SMALL_FLOAT] : new LuaFloat(f);
              continue;
            }
            case 3: /* LOADK */
              stack[ra] = k[iBx];
              continue;
            case 4: /* LOADKX */
              stack[ra] = k[code[pc++] >>> 7];
              continue;
            case 5: /* LOADFALSE */
              stack[ra] = false;
              continue;
            case 6: /* LFALSESKIP */
              stack[ra] = false;
              pc = pcSkip;
              continue;
            case 7: /* LOADTRUE */
              stack[ra] = true;
              continue;
            case 8: /* LOADNIL */ {
              const b = iB;
              for (let j = 0; j <= b; j++) stack[ra + j] = undefined;
              continue;
            }
            case 9: /* GETUPVAL */ {
              const uv = upvals[iB];
              stack[ra] = uv.arr[uv.idx];
              continue;
            }
            case 10: /* SETUPVAL */ {
              const uv = upvals[iB];
              uv.arr[uv.idx] = stack[ra];
              continue;
            }
            case 11: /* GETTABUP */ {
              const b = iB;
              const uv = upvals[b];
              const t = uv.arr[uv.idx];
              const key = k[iC];
              if (t instanceof LuaTable) {
                const hk = t.hkeys;
                const slot = ic[pc];
                let v: LuaValue;
                if (slot < hk.length && hk[slot] === key) v = t.hvals[slot];
                else v = icMiss(t, key, ic, pc);
                if (v !== undefined || t.metatable === null) {
                  stack[ra] = v;
                  continue;
                }
              }
              frame.pc = pc;
              if (getSlow(L, t, key, ra, SRC_UPVAL + b)) continue newframe;
              continue;
            }
            case 12: /* GETTABLE */ {
              const b = iB;
              const t = stack[base + b];
              const key = stack[base + (iC)];
              if (t instanceof LuaTable) {
                let v: LuaValue;
                if (typeof key === 'number') {
                  const arr = t.arr;
                  if (key >= 1 && key <= arr.length && (key | 0) === key) v = arr[key - 1];
                  else v = t.get(key);
                } else {
                  v = t.get(key);
                }
                if (v !== undefined || t.metatable === null) {
                  stack[ra] = v;
                  continue;
                }
              }
              frame.pc = pc;
              if (getSlow(L, t, key, ra, b)) continue newframe;
              continue;
            }
            case 13: /* GETI */ {
              const b = iB;
              const t = stack[base + b];
              const key = iC;
              if (t instanceof LuaTable) {
                const v = t.getInt(key);
                if (v !== undefined || t.metatable === null) {
                  stack[ra] = v;
                  continue;
                }
              }
              frame.pc = pc;
              if (getSlow(L, t, key, ra, b)) continue newframe;
              continue;
            }
            case 14: /* GETFIELD */ {
              const b = iB;
              const t = stack[base + b];
              const key = k[iC];
              if (t instanceof LuaTable) {
                const hk = t.hkeys;
                const slot = ic[pc];
                let v: LuaValue;
                if (slot < hk.length && hk[slot] === key) v = t.hvals[slot];
                else v = icMiss(t, key, ic, pc);
                if (v !== undefined || t.metatable === null) {
                  stack[ra] = v;
                  continue;
                }
              }
              frame.pc = pc;
              if (getSlow(L, t, key, ra, b)) continue newframe;
              continue;
            }
            case 15: /* SETTABUP */ {
              const uv = upvals[iA];
              const t = uv.arr[uv.idx];
              const key = k[iB];
              const c = iC;
              const v = (i & 0x8000) !== 0 ? k[c] : stack[base + c];
              if (t instanceof LuaTable && t.metatable === null) {
                const hk = t.hkeys;
                const slot = ic[pc];
                if (slot < hk.length && hk[slot] === key && v !== undefined && t.hvals[slot] !== undefined) {
                  t.flags = 0;
                  t.hvals[slot] = v;
                } else {
                  const j = t.setStr(key, v);
                  if (j >= 0) ic[pc] = j;
                }
                continue;
              }
              frame.pc = pc;
              if (setSlow(L, t, key, v, SRC_UPVAL + (iA))) continue newframe;
              continue;
            }
            case 16: /* SETTABLE */ {
              const t = stack[ra];
              const key = stack[base + (iB)];
              const c = iC;
              const v = (i & 0x8000) !== 0 ? k[c] : stack[base + c];
              if (t instanceof LuaTable && t.metatable === null) {
                if (typeof key === 'number') {
                  const arr = t.arr;
                  if (key >= 1 && key <= arr.length && (key | 0) === key) {
                    arr[key - 1] = v;
                    continue;
                  }
                  if (key !== key) { frame.pc = pc; rtError(L, 'table index is NaN'); }
                  t.set(key, v);
                  continue;
                }
                if (typeof key === 'string') {
                  t.setStr(key, v);
                  continue;
                }
                if (key === undefined) { frame.pc = pc; rtError(L, 'table index is nil'); }
                t.set(key, v);
                continue;
              }
              frame.pc = pc;
              if (setSlow(L, t, key, v, iA)) continue newframe;
              continue;
            }
            case 17: /* SETI */ {
              const t = stack[ra];
              const key = iB;
              const c = iC;
              const v = (i & 0x8000) !== 0 ? k[c] : stack[base + c];
              if (t instanceof LuaTable && t.metatable === null) {
                t.setInt(key, v);
                continue;
              }
              frame.pc = pc;
              if (setSlow(L, t, key, v, iA)) continue newframe;
              continue;
            }
            case 18: /* SETFIELD */ {
              const t = stack[ra];
              const key = k[iB];
              const c = iC;
              const v = (i & 0x8000) !== 0 ? k[c] : stack[base + c];
              if (t instanceof LuaTable) {
                const hk = t.hkeys;
                const slot = ic[pc];
                // an existing field is overwritten whatever the metatable says (__newindex
                // applies only to absent keys), so objects with a class metatable take this path
                if (slot < hk.length && hk[slot] === key && v !== undefined && t.hvals[slot] !== undefined) {
                  t.flags = 0;
                  t.hvals[slot] = v;
                  continue;
                }
                if (t.metatable === null) {
                  const j = t.setField(key, v, shapeSite(cl.proto, pc));
                  if (j >= 0) ic[pc] = j;
                  continue;
                }
                const j = t.hmap.get(key);
                if (j !== undefined && v !== undefined && t.hvals[j] !== undefined) {
                  ic[pc] = j;
                  t.flags = 0;
                  t.hvals[j] = v;
                  continue;
                }
                // a new field of an object whose class has no __newindex (`self.x = x`)
                if (j === undefined && v !== undefined && fastTM(t.metatable, TM.NEWINDEX) === undefined) {
                  ic[pc] = t.setField(key, v, shapeSite(cl.proto, pc));
                  continue;
                }
              }
              frame.pc = pc;
              if (setSlow(L, t, key, v, iA)) continue newframe;
              continue;
            }
            case 19: /* NEWTABLE */ {
              pc = pcSkip; // EXTRAARG with the array size
              stack[ra] = new LuaTable();
              vm.gcdebt += 56;
              continue;
            }
            case 20: /* SELF */ {
              const b = iB;
              const t = stack[base + b];
              const c = iC;
              const key = (i & 0x8000) !== 0 ? k[c] : stack[base + c];
              stack[ra + 1] = t;
              if (t instanceof LuaTable) {
                // (a key never inserted in the object skips the Map: methods of its class)
                let v = mayHoldStr(t, key) ? t.getStr(key) : undefined;
                const mt = t.metatable;
                if (v === undefined && mt !== null) {
                  // a method of the object's class: an __index table, with the field cache
                  const idx = fastTM(mt, 0 /* TM.INDEX */);
                  if (idx instanceof LuaTable) {
                    const hk = idx.hkeys;
                    const slot = ic[pc];
                    if (slot < hk.length && hk[slot] === key) v = idx.hvals[slot];
                    else v = icMiss(idx, key, ic, pc);
                    if (v === undefined && idx.metatable !== null) v = NO_VALUE;
                  } else if (idx !== undefined) {
                    v = NO_VALUE; // a function, or something else to index
                  }
                }
                if (v !== NO_VALUE) {
                  stack[ra] = v;
                  continue;
                }
              } else if (typeof t === 'string' && vm.stringMeta !== null) {
                // s:method(): the string library table, with the field cache
                const idx = fastTM(vm.stringMeta, 0 /* TM.INDEX */);
                if (idx instanceof LuaTable) {
                  const hk = idx.hkeys;
                  const slot = ic[pc];
                  const v = slot < hk.length && hk[slot] === key ? idx.hvals[slot] : icMiss(idx, key, ic, pc);
                  if (v !== undefined || idx.metatable === null) {
                    stack[ra] = v;
                    continue;
                  }
                }
              }
              frame.pc = pc;
              if (getSlow(L, t, key, ra, b)) continue newframe;
              continue;
            }
            case 21: /* ADDI */ {
              const b = iB;
              const x = stack[base + b];
              const c = (iC) - 127;
              if (typeof x === 'number') {
                const r = x + c;
                if (Number.isInteger(x)) {
                  if (r <= 9007199254740991 && r >= -9007199254740991) { stack[ra] = r; continue; }
                } else if (!Number.isInteger(r)) {
                  stack[ra] = r;
                  continue;
                }
              }
              frame.pc = pc;
              if ((i & 0x8000) !== 0) {
                if (subISlow(L, x, c, ra, b)) continue newframe;
              } else if (arithSlow(L, AR.ADD, x, c, ra, b, SRC_NONE)) continue newframe;
              continue;
            }
            case 22: /* ADDK */ {
              const b = iB;
              const x = stack[base + b];
              const y = k[iC];
              if (typeof x === 'number' && typeof y === 'number') {
                const r = x + y;
                if (Number.isInteger(r)) {
                  if (Number.isInteger(x) && Number.isInteger(y)) {
                    if (r <= 9007199254740991 && r >= -9007199254740991) { stack[ra] = r; continue; }
                  } else {
                    fbox = r;
                    break;
                  }
                } else {
                  stack[ra] = r;
                  continue;
                }
              }
              if (y instanceof LuaFloat && typeof x === 'number') {
                // a float constant with an integral value (2.0, 1.0...): inline, as floatArith
                const r = x + y.n;
                if (Number.isInteger(r)) {
                  fbox = r;
                  break;
                }
                stack[ra] = r;
                continue;
              }
              if (x instanceof LuaFloat || y instanceof LuaFloat) {
                const r = floatArith(AR.ADD, x, y);
                if (r !== undefined) { stack[ra] = r; continue; }
              }
              frame.pc = pc;
              if (arithSlow(L, AR.ADD, x, y, ra, b, SRC_NONE)) continue newframe;
              continue;
            }
            case 23: /* SUBK */ {
              const b = iB;
              const x = stack[base + b];
              const y = k[iC];
              if (typeof x === 'number' && typeof y === 'number') {
                const r = x - y;
                if (Number.isInteger(r)) {
                  if (Number.isInteger(x) && Number.isInteger(y)) {
                    if (r <= 9007199254740991 && r >= -9007199254740991) { stack[ra] = r; continue; }
                  } else {
                    fbox = r;
                    break;
                  }
                } else {
                  stack[ra] = r;
                  continue;
                }
              }
              if (y instanceof LuaFloat && typeof x === 'number') {
                // a float constant with an integral value (2.0, 1.0...): inline, as floatArith
                const r = x - y.n;
                if (Number.isInteger(r)) {
                  fbox = r;
                  break;
                }
                stack[ra] = r;
                continue;
              }
              if (x instanceof LuaFloat || y instanceof LuaFloat) {
                const r = floatArith(AR.SUB, x, y);
                if (r !== undefined) { stack[ra] = r; continue; }
              }
              frame.pc = pc;
              if (arithSlow(L, AR.SUB, x, y, ra, b, SRC_NONE)) continue newframe;
              continue;
            }
            case 24: /* MULK */ {
              const b = iB;
              const x = stack[base + b];
              const y = k[iC];
              if (typeof x === 'number' && typeof y === 'number') {
                const r = x * y;
                if (Number.isInteger(r)) {
                  if (Number.isInteger(x) && Number.isInteger(y)) {
                    if (r <= 9007199254740991 && r >= -9007199254740991) { stack[ra] = r + 0; continue; }
                  } else {
                    fbox = r;
                    break;
                  }
                } else {
                  stack[ra] = r;
                  continue;
                }
              }
              if (y instanceof LuaFloat && typeof x === 'number') {
                // a float constant with an integral value (2.0, 1.0...): inline, as floatArith
                const r = x * y.n;
                if (Number.isInteger(r)) {
                  fbox = r;
                  break;
                }
                stack[ra] = r;
                continue;
              }
              if (x instanceof LuaFloat || y instanceof LuaFloat) {
                const r = floatArith(AR.MUL, x, y);
                if (r !== undefined) { stack[ra] = r; continue; }
              }
              frame.pc = pc;
              if (arithSlow(L, AR.MUL, x, y, ra, b, SRC_NONE)) continue newframe;
              continue;
            }
            case 27: /* DIVK */ {
              const b = iB;
              const x = stack[base + b];
              const y = k[iC];
              if (typeof x === 'number' && typeof y === 'number') {
                const r = x / y;
                if (Number.isInteger(r)) {
                  fbox = r;
                  break;
                }
                stack[ra] = r;
                continue;
              }
              if (y instanceof LuaFloat && typeof x === 'number') {
                // a float constant with an integral value (2.0, 1.0...): inline, as floatArith
                const r = x / y.n;
                if (Number.isInteger(r)) {
                  fbox = r;
                  break;
                }
                stack[ra] = r;
                continue;
              }
              if (x instanceof LuaFloat || y instanceof LuaFloat) {
                const r = floatArith(AR.DIV, x, y);
                if (r !== undefined) { stack[ra] = r; continue; }
              }
              frame.pc = pc;
              if (arithSlow(L, AR.DIV, x, y, ra, b, SRC_NONE)) continue newframe;
              continue;
            }
            case 25: /* MODK */ case 26: /* POWK */
            case 28: /* IDIVK */ case 29: /* BANDK */ case 30: /* BORK */ case 31: /* BXORK */ {
              const b = iB;
              const x = stack[base + b];
              const y = k[iC];
              const op = (i & 0x7f) - 22 /* ADDK */;
              if (typeof x === 'number' && typeof y === 'number') {
                if (op >= 7 /* AR.BAND */) {
                  const r = bit32(op, x, y);
                  if (r !== undefined) { stack[ra] = r; continue; }
                }
                const r = fastArith(op, x, y);
                if (r !== undefined) { stack[ra] = r; continue; }
              } else if (op <= 6 /* AR.IDIV */) {
                const r = floatArith(op, x, y);
                if (r !== undefined) { stack[ra] = r; continue; }
              }
              frame.pc = pc;
              if (arithSlow(L, op, x, y, ra, b, SRC_NONE)) continue newframe;
              continue;
            }
            case 32: /* SHRI */ {
              const b = iB;
              const x = stack[base + b];
              const c = (iC) - 127;
              if (typeof x === 'number' && Number.isInteger(x)) {
                stack[ra] = c >= 0 ? intShr(x, c) : intShl(x, -c);
                continue;
              }
              frame.pc = pc;
              if (c >= 0) {
                if (arithSlow(L, AR.SHR, x, c, ra, b, SRC_NONE)) continue newframe;
              } else if (arithSlow(L, AR.SHL, x, -c, ra, b, SRC_NONE)) continue newframe;
              continue;
            }
            case 33: /* SHLI */ {
              const b = iB;
              const x = stack[base + b];
              const c = (iC) - 127;
              frame.pc = pc;
              if (arithSlow(L, AR.SHL, c, x, ra, SRC_NONE, b)) continue newframe;
              continue;
            }
            case 34: /* ADD */ {
              const b = iB;
              const c = iC;
              const x = stack[base + b];
              const y = stack[base + c];
              if (typeof x === 'number' && typeof y === 'number') {
                const r = x + y;
                if (Number.isInteger(r)) {
                  if (Number.isInteger(x) && Number.isInteger(y)) {
                    if (r <= 9007199254740991 && r >= -9007199254740991) { stack[ra] = r; continue; }
                  } else {
                    fbox = r;
                    break;
                  }
                } else {
                  stack[ra] = r;
                  continue;
                }
              }
              if (x instanceof LuaFloat || y instanceof LuaFloat) {
                const r = floatArith(AR.ADD, x, y);
                if (r !== undefined) { stack[ra] = r; continue; }
              }
              frame.pc = pc;
              if (arithSlow(L, AR.ADD, x, y, ra, b, c)) continue newframe;
              continue;
            }
            case 35: /* SUB */ {
              const b = iB;
              const c = iC;
              const x = stack[base + b];
              const y = stack[base + c];
              if (typeof x === 'number' && typeof y === 'number') {
                const r = x - y;
                if (Number.isInteger(r)) {
                  if (Number.isInteger(x) && Number.isInteger(y)) {
                    if (r <= 9007199254740991 && r >= -9007199254740991) { stack[ra] = r; continue; }
                  } else {
                    fbox = r;
                    break;
                  }
                } else {
                  stack[ra] = r;
                  continue;
                }
              }
              if (x instanceof LuaFloat || y instanceof LuaFloat) {
                const r = floatArith(AR.SUB, x, y);
                if (r !== undefined) { stack[ra] = r; continue; }
              }
              frame.pc = pc;
              if (arithSlow(L, AR.SUB, x, y, ra, b, c)) continue newframe;
              continue;
            }
            case 36: /* MUL */ {
              const b = iB;
              const c = iC;
              const x = stack[base + b];
              const y = stack[base + c];
              if (typeof x === 'number' && typeof y === 'number') {
                const r = x * y;
                if (Number.isInteger(r)) {
                  if (Number.isInteger(x) && Number.isInteger(y)) {
                    if (r <= 9007199254740991 && r >= -9007199254740991) { stack[ra] = r + 0; continue; }
                  } else {
                    fbox = r;
                    break;
                  }
                } else {
                  stack[ra] = r;
                  continue;
                }
              }
              if (x instanceof LuaFloat || y instanceof LuaFloat) {
                const r = floatArith(AR.MUL, x, y);
                if (r !== undefined) { stack[ra] = r; continue; }
              }
              frame.pc = pc;
              if (arithSlow(L, AR.MUL, x, y, ra, b, c)) continue newframe;
              continue;
            }
            case 39: /* DIV */ {
              const b = iB;
              const c = iC;
              const x = stack[base + b];
              const y = stack[base + c];
              if (typeof x === 'number' && typeof y === 'number') {
                const r = x / y;
                if (Number.isInteger(r)) {
                  fbox = r;
                  break;
                }
                stack[ra] = r;
                continue;
              }
              if (x instanceof LuaFloat || y instanceof LuaFloat) {
                const r = floatArith(AR.DIV, x, y);
                if (r !== undefined) { stack[ra] = r; continue; }
              }
              frame.pc = pc;
              if (arithSlow(L, AR.DIV, x, y, ra, b, c)) continue newframe;
              continue;
            }
            case 37: /* MOD */ case 38: /* POW */ case 40: /* IDIV */
            case 41: /* BAND */ case 42: /* BOR */ case 43: /* BXOR */ case 44: /* SHL */ case 45: /* SHR */ {
              const b = iB;
              const c = iC;
              const x = stack[base + b];
              const y = stack[base + c];
              const op = (i & 0x7f) - 34 /* ADD */;
              if (typeof x === 'number' && typeof y === 'number') {
                if (op >= 7 /* AR.BAND */ && op <= 9 /* AR.BXOR */) {
                  const r = bit32(op, x, y);
                  if (r !== undefined) { stack[ra] = r; continue; }
                }
                const r = fastArith(op, x, y);
                if (r !== undefined) { stack[ra] = r; continue; }
              } else if (op <= 6 /* AR.IDIV */) {
                const r = floatArith(op, x, y);
                if (r !== undefined) { stack[ra] = r; continue; }
              }
              frame.pc = pc;
              if (arithSlow(L, op, x, y, ra, b, c)) continue newframe;
              continue;
            }
            case 46: /* UNM */ {
              const b = iB;
              const x = stack[base + b];
              if (typeof x === 'number') {
                if (Number.isInteger(x)) {
                  stack[ra] = 0 - x;
                } else {
                  const r = -x;
                  stack[ra] = r;
                }
                continue;
              }
              frame.pc = pc;
              if (arithSlow(L, AR.UNM, x, x, ra, b, b)) continue newframe;
              continue;
            }
            case 47: /* BNOT */ {
              const b = iB;
              const x = stack[base + b];
              if (typeof x === 'number' && (x | 0) === x) {
                stack[ra] = ~x;
                continue;
              }
              frame.pc = pc;
              if (arithSlow(L, AR.BNOT, x, x, ra, b, b)) continue newframe;
              continue;
            }
            case 48: /* NOT */ {
              const x = stack[base + (iB)];
              stack[ra] = x === undefined || x === false;
              continue;
            }
            case 49: /* LEN */ {
              const b = iB;
              const x = stack[base + b];
              if (typeof x === 'string') {
                stack[ra] = x.length;
                continue;
              }
              if (x instanceof LuaTable && (x.metatable === null || fastTM(x.metatable, TM.LEN) === undefined)) {
                stack[ra] = x.length();
                continue;
              }
              frame.pc = pc;
              if (lenSlow(L, x, ra, b)) continue newframe;
              continue;
            }
            case 50: /* CONCAT */ {
              let n = iB;
              if (frame.concatN > 0) {
                n = frame.concatN;
                frame.concatN = 0;
              }
              frame.pc = pc;
              if (concat(L, frame, ra, n)) continue newframe;
              continue;
            }
            case 51: /* CLOSE */ {
              frame.pc = pc;
              if (closeOne(L, ra, frameTop(frame), CONT.REEXEC, undefined, 0)) continue newframe;
              continue;
            }
            case 52: /* TBC */ {
              frame.pc = pc;
              markTbc(L, ra, frame);
              continue;
            }
            case 53: /* JMP */ {
              const off = iAx - 16777215;
              pc += off;
              // JIT: loop back-edges count (and go to compiled code when hot)
              if (off < 0 && --cl.proto.jitCount <= 0) { frame.pc = pc; continue newframe; }
              continue;
            }
            case 54: /* EQ */ {
              const x = stack[ra];
              const y = stack[base + (iB)];
              const kk = (iBx) & 1;
              let res: boolean | null;
              if (x === y) res = true;
              else if (typeof x !== 'object' && typeof y !== 'object') res = false;
              else {
                frame.pc = pc;
                res = eqSlow(L, x, y, kk);
                if (res === null) continue newframe;
              }
              if (res !== (kk === 1)) pc = pcSkip;
              else pc += ((code[pc] >>> 7) - 16777215) + 1;
              continue;
            }
            case 55: /* LT */ case 56: /* LE */ {
              const x = stack[ra];
              const y = stack[base + (iB)];
              const kk = (iBx) & 1;
              const le = (i & 0x7f) === 56 /* LE */;
              let res: boolean | null;
              if (typeof x === 'number' && typeof y === 'number') res = le ? x <= y : x < y;
              else if ((typeof x === 'number' || x instanceof LuaFloat) && (typeof y === 'number' || y instanceof LuaFloat)) {
                const xv = typeof x === 'number' ? x : x.n;
                const yv = typeof y === 'number' ? y : y.n;
                res = le ? xv <= yv : xv < yv;
              } else {
                frame.pc = pc;
                res = lessSlow(L, x, y, le, kk);
                if (res === null) continue newframe;
              }
              if (res !== (kk === 1)) pc = pcSkip;
              else pc += ((code[pc] >>> 7) - 16777215) + 1;
              continue;
            }
            case 57: /* EQK */ {
              const x = stack[ra];
              const y = k[iB];
              let res = x === y;
              if (!res && (typeof y === 'object' || typeof y === 'bigint' || typeof x === 'object' || typeof x === 'bigint')) {
                res = isNum(x) && isNum(y) && numEQ(x, y);
              }
              if (res !== (((iBx) & 1) === 1)) pc = pcSkip;
              else pc += ((code[pc] >>> 7) - 16777215) + 1;
              continue;
            }
            case 58: /* EQI */ {
              const x = stack[ra];
              const y = (iB) - 127;
              let res = x === y;
              if (!res && x instanceof LuaFloat) res = x.n === y;
              if (res !== (((iBx) & 1) === 1)) pc = pcSkip;
              else pc += ((code[pc] >>> 7) - 16777215) + 1;
              continue;
            }
            case 59: /* LTI */ case 60: /* LEI */ case 61: /* GTI */ case 62: /* GEI */ {
              const x = stack[ra];
              const y = (iB) - 127;
              const kk = (iBx) & 1;
              const op = i & 0x7f;
              let res: boolean | null;
              if (typeof x === 'number' || x instanceof LuaFloat) {
                const xv = typeof x === 'number' ? x : x.n;
                res = op === 59 /* LTI */ ? xv < y : op === 60 /* LEI */ ? xv <= y : op === 61 /* GTI */ ? xv > y : xv >= y;
              } else {
                frame.pc = pc;
                if (op === 59 /* LTI */) res = lessSlow(L, x, y, false, kk);
                else if (op === 60 /* LEI */) res = lessSlow(L, x, y, true, kk);
                else if (op === 61 /* GTI */) res = lessSlow(L, y, x, false, kk);
                else res = lessSlow(L, y, x, true, kk);
                if (res === null) continue newframe;
              }
              if (res !== (kk === 1)) pc = pcSkip;
              else pc += ((code[pc] >>> 7) - 16777215) + 1;
              continue;
            }
            case 63: /* TEST */ {
              const x = stack[ra];
              const t = x !== undefined && x !== false;
              if (t !== (((iBx) & 1) === 1)) pc = pcSkip;
              else pc += ((code[pc] >>> 7) - 16777215) + 1;
              continue;
            }
            case 64: /* TESTSET */ {
              const x = stack[base + (iB)];
              const t = x !== undefined && x !== false;
              if (t !== (((iBx) & 1) === 1)) pc = pcSkip;
              else {
                stack[ra] = x;
                pc += ((code[pc] >>> 7) - 16777215) + 1;
              }
              continue;
            }
            case 65: /* CALL */ {
              const b = iB;
              const nres = (iC) - 1;
              const nargs = b !== 0 ? b - 1 : L.top - ra - 1;
              const fv = stack[ra];
              frame.pc = pc;
              if (fv instanceof LuaClosure) {
                // enter the callee directly (no generic reload)
                frame = pushLua(L, fv, ra, nargs, nres, 0 /* CONT.CALL */, 0);
                if (fv.proto.jitCount <= 0) continue newframe; // JIT: callee hot
                cl = fv;
                code = fv.proto.code;
                ic = fv.proto.ic;
                k = fv.proto.k;
                upvals = fv.upvals;
                base = frame.base;
                pc = 0;
                stack = L.stack;
                continue;
              }
              if (fv instanceof NativeFunction && fv.fn !== null) {
                const nf = pushNative(L, fv, ra, nargs, nres, 0 /* CONT.CALL */, 0);
                vm.budget = budget;
                const n = fv.fn(L, ra + 1, nargs);
                budget = vm.budget;
                if (n < 0) {
                  startGen(L, nf, fv, nargs);
                  continue newframe;
                }
                L.ci--;
                if (nres === 1) {
                  stack[ra] = n > 0 ? stack[ra + 1] : undefined;
                } else if (nres < 0) {
                  for (let j = 0; j < n; j++) stack[ra + j] = stack[ra + 1 + j];
                  L.top = ra + n;
                } else {
                  for (let j = 0; j < nres; j++) stack[ra + j] = j < n ? stack[ra + 1 + j] : undefined;
                }
                if (L !== vm.current || L.ci !== frame_ci(L, frame)) continue newframe;
                continue;
              }
              vm.budget = budget;
              precall(L, ra, nargs, nres, 0 /* CONT.CALL */, 0, 0);
              budget = vm.budget;
              continue newframe;
            }
            case 66: /* TAILCALL */ {
              const b = iB;
              let nargs = b !== 0 ? b - 1 : L.top - ra - 1;
              frame.pc = pc;
              if ((i & 0x8000) !== 0 || (L.openupval !== null && L.openupval.idx >= base)) closeUpvals(L, base);
              let fv = stack[ra];
              if (!(fv instanceof LuaClosure) && !(fv instanceof NativeFunction)) {
                // resolve __call before moving
                const tm = getTM(vm, fv, '__call');
                if (tm === undefined) callError(L, ra, fv);
                for (let j = ra + nargs; j >= ra; j--) stack[j + 1] = stack[j];
                stack[ra] = tm;
                nargs++;
                fv = tm;
              }
              if (fv instanceof LuaClosure) {
                // reuse the frame: move function and arguments down to func
                const func = frame.func;
                for (let j = 0; j <= nargs; j++) stack[func + j] = stack[ra + j];
                const nres = frame.nresults;
                const cont = frame.cont;
                const contA = frame.contA;
                const ccall = frame.ccall;
                L.ci--;
                const nf = pushLua(L, fv, func, nargs, nres, cont, contA);
                nf.tailcall = true;
                nf.ccall = ccall;
                continue newframe;
              }
              vm.budget = budget;
              precall(L, ra, nargs, -1, 0 /* CONT.CALL */, 0, 0);
              budget = vm.budget;
              if (L.frames[L.ci] === frame && L === vm.current) {
                // native finished: return its results
                const n = L.top - ra;
                finishCall(L, ra, n);
              }
              continue newframe;
            }
            case 67: /* RETURN */ {
              const b = iB;
              let n: number;
              if (frame.pendingRet >= 0) n = frame.pendingRet;
              else n = b !== 0 ? b - 1 : L.top - ra;
              if ((i & 0x8000) !== 0 || L.tbc.length > 0) {
                frame.pc = pc;
                const tbc = L.tbc;
                if (tbc.length > 0 && tbc[tbc.length - 1] >= base) {
                  frame.pendingRet = n;
                  closeOne(L, base, Math.max(ra + n, frameTop(frame)), CONT.RETCLOSE, undefined, 0);
                  continue newframe;
                }
                closeUpvals(L, base);
              } else if (L.openupval !== null && L.openupval.idx >= base) {
                closeUpvals(L, base);
              }
              frame.pendingRet = -1;
              if (frame.cont === 0 /* CONT.CALL */) {
                const func = frame.func;
                const want = frame.nresults;
                L.ci--;
                if (want < 0) {
                  for (let j = 0; j < n; j++) stack[func + j] = stack[ra + j];
                  L.top = func + n;
                } else {
                  for (let j = 0; j < want; j++) stack[func + j] = j < n ? stack[ra + j] : undefined;
                }
                // back in the Lua caller (0 /* CONT.CALL */ is only used by Lua calls)
                frame = L.frames[L.ci];
                cl = frame.closure!;
                if (cl.proto.jitCount <= 0) continue newframe; // JIT: caller hot
                code = cl.proto.code;
                ic = cl.proto.ic;
                k = cl.proto.k;
                upvals = cl.upvals;
                base = frame.base;
                pc = frame.pc;
                continue;
              }
              vm.budget = budget;
              finishCall(L, ra, n);
              budget = vm.budget;
              continue newframe;
            }
            case 68: /* RETURN0 */ {
              if (frame.cont === 0 /* CONT.CALL */) {
                const func = frame.func;
                const want = frame.nresults;
                L.ci--;
                if (want < 0) L.top = func;
                else for (let j = 0; j < want; j++) stack[func + j] = undefined;
                frame = L.frames[L.ci];
                cl = frame.closure!;
                if (cl.proto.jitCount <= 0) continue newframe; // JIT: caller hot
                code = cl.proto.code;
                ic = cl.proto.ic;
                k = cl.proto.k;
                upvals = cl.upvals;
                base = frame.base;
                pc = frame.pc;
                continue;
              }
              vm.budget = budget;
              finishCall(L, ra, 0);
              budget = vm.budget;
              continue newframe;
            }
            case 69: /* RETURN1 */ {
              if (frame.cont === 0 /* CONT.CALL */) {
                const func = frame.func;
                const want = frame.nresults;
                L.ci--;
                stack[func] = stack[ra];
                if (want < 0) L.top = func + 1;
                else for (let j = 1; j < want; j++) stack[func + j] = undefined;
                frame = L.frames[L.ci];
                cl = frame.closure!;
                if (cl.proto.jitCount <= 0) continue newframe; // JIT: caller hot
                code = cl.proto.code;
                ic = cl.proto.ic;
                k = cl.proto.k;
                upvals = cl.upvals;
                base = frame.base;
                pc = frame.pc;
                continue;
              }
              vm.budget = budget;
              finishCall(L, ra, 1);
              budget = vm.budget;
              continue newframe;
            }
            case 70: /* FORLOOP */ {
              const count = stack[ra + 1];
              const v0 = stack[ra];
              const step = stack[ra + 2];
              if (typeof count === 'number' && typeof v0 === 'number' && typeof step === 'number') {
                // integer loop with small values (float loops keep a ForLimit in R[A+1])
                if (count > 0) {
                  const v = v0 + step;
                  if (v <= 9007199254740991 && v >= -9007199254740991) {
                    stack[ra + 1] = count - 1;
                    stack[ra] = v;
                    stack[ra + 3] = v;
                    pc -= iBx;
                    if (--cl.proto.jitCount <= 0) { frame.pc = pc; continue newframe; } // JIT
                    continue;
                  }
                } else {
                  continue;
                }
              }
              if (forLoopSlow(L, ra)) {
                pc -= iBx;
                if (--cl.proto.jitCount <= 0) { frame.pc = pc; continue newframe; } // JIT
              }
              continue;
            }
            case 71: /* FORPREP */ {
              frame.pc = pc;
              if (!forPrep(L, ra)) pc += (iBx) + 1;
              continue;
            }
            case 72: /* TFORPREP */ {
              frame.pc = pc;
              markTbc(L, ra + 3, frame);
              pc += iBx;
              continue;
            }
            case 73: /* TFORCALL */ {
              // R[A+4], ... ,R[A+3+C] := R[A](R[A+1], R[A+2])
              stack[ra + 4] = stack[ra];
              stack[ra + 5] = stack[ra + 1];
              stack[ra + 6] = stack[ra + 2];
              const nres = iC;
              frame.pc = pc;
              const fv = stack[ra + 4];
              if (fv instanceof NativeFunction && fv.fn !== null) {
                // next and ipairs' iterator on a plain table: the step without the call
                if (fv.iter !== 0 && stepIter(stack, fv.iter, ra + 4, nres)) continue;
                const nf = pushNative(L, fv, ra + 4, 2, nres, 0 /* CONT.CALL */, 0);
                vm.budget = budget;
                const n = fv.fn(L, ra + 5, 2);
                budget = vm.budget;
                if (n < 0) {
                  startGen(L, nf, fv, 2);
                  continue newframe;
                }
                L.ci--;
                for (let j = 0; j < nres; j++) stack[ra + 4 + j] = j < n ? stack[ra + 5 + j] : undefined;
                continue;
              }
              vm.budget = budget;
              precall(L, ra + 4, 2, nres, 0 /* CONT.CALL */, 0, 0);
              budget = vm.budget;
              continue newframe;
            }
            case 74: /* TFORLOOP */ {
              const v = stack[ra + 4];
              if (v !== undefined) {
                stack[ra + 2] = v;
                pc -= iBx;
                if (--cl.proto.jitCount <= 0) { frame.pc = pc; continue newframe; } // JIT
              }
              continue;
            }
            case 75: /* SETLIST */ {
              let n = iB;
              let start = iC;
              if ((i & 0x8000) !== 0) start = code[pc++] >>> 7;
              if (n === 0) n = L.top - ra - 1;
              const t = stack[ra] as LuaTable;
              const arr = t.arr;
              for (let j = 1; j <= n; j++) {
                const key = start + j;
                const v = stack[ra + j];
                if (key <= arr.length) arr[key - 1] = v;
                else if (key === arr.length + 1) arr.push(v);
                else t.setInt(key, v);
              }
              if (t.hmap.size > 0) t.setInt(arr.length + 1, t.get(arr.length + 1));
              vm.gcdebt += n * 8;
              if (n > 64) {
                // a long list ({...}, {f()}): charged, and the heap checked at once
                frame.pc = pc;
                charge(vm, n);
                checkHeap(vm);
              }
              continue;
            }
            case 76: /* CLOSURE */ {
              const p = cl.proto.p[iBx];
              const nup = p.upvalNames.length;
              let uvs = EMPTY_UPVALS;
              if (nup > 0) {
                uvs = generalArray<UpVal>();
                for (let j = 0; j < nup; j++) {
                  uvs.push(p.upvalInStack[j] ? findUpval(L, base + p.upvalIdx[j]) : upvals[p.upvalIdx[j]]);
                }
              }
              stack[ra] = new LuaClosure(p, uvs);
              vm.gcdebt += 40 + nup * 8;
              continue;
            }
            case 77: /* VARARG */ {
              const want = (iC) - 1;
              const nextra = frame.nextra;
              const from = frame.func + 1 + cl.proto.numparams;
              if (want < 0) {
                if (nextra > 64) {
                  frame.pc = pc;
                  charge(vm, nextra);
                }
                if (ra + nextra > stack.length) L.ensureStack(ra + nextra);
                for (let j = 0; j < nextra; j++) stack[ra + j] = stack[from + j];
                L.top = ra + nextra;
              } else {
                for (let j = 0; j < want; j++) stack[ra + j] = j < nextra ? stack[from + j] : undefined;
              }
              continue;
            }
            case 78: /* VARARGPREP */
              continue;
            case 79: /* EXTRAARG */
              continue;
            default:
              throw new Error(`internal error: bad opcode ${i & 0x7f}`);
          }
          // the arithmetic cases leave the switch only with an integral float result, boxed
          // here: one site for all of them, which has type feedback once any did it (a box
          // made in a case that first did it after V8 optimised this function had none)
          stack[ra] = new LuaFloat(fbox);
        }
      }
    } catch (e) {
      // Every instruction that can raise an error saves frame.pc first, so this handler
      // does not read pc: a handler reading it made V8 keep pc where the handler could find
      // it at every call the loop makes (median of 5 interleaved, interpreted mandelbrot
      // 2543 -> 2220 ms with that alone). vm.budget is written here, from the loop's count.
      vm.budget = budget < 0 ? 0 : budget;
      recover(vm, e, entry);
      budget = vm.budget;
    }
  }
}

/**
 * An error caught while running toward `entry` (vm.budget up to date): a signal or an error
 * that reached the entry leaves; any other goes to the nearest pcall or coroutine boundary
 * (handleError), and the loop continues there.
 */
function recover(vm: LuaVM, e: unknown, entry: Frame): void {
  if (e instanceof InterruptSignal && e.thread === null) e.thread = vm.current;
  // handling an error can raise another one (a __close handler, a message handler that
  // is not callable, an error thrown back by a generator): handle that one in turn
  let err: unknown = e;
  for (;;) {
    if (err instanceof EntryError || err instanceof VMSignal) throw err;
    try {
      handleError(vm.current, errorValue(err), entry);
      return;
    } catch (e2) {
      err = e2;
    }
  }
}

function frame_ci(L: LuaThread, f: Frame): number {
  return L.frames[L.ci] === f ? L.ci : -1;
}

/**
 * Arithmetic (ADD..IDIV) where an operand is an integral float box and the other a plain
 * number or box: the result is a float. Undefined when an operand is anything else.
 */
function floatArith(op: number, x: LuaValue, y: LuaValue): LuaValue {
  let a: number;
  let b: number;
  if (typeof x === 'number') a = x;
  else if (x instanceof LuaFloat) a = x.n;
  else return undefined;
  if (typeof y === 'number') b = y;
  else if (y instanceof LuaFloat) b = y.n;
  else return undefined;
  let r: number;
  switch (op) {
    case 0: r = a + b; break;
    case 1: r = a - b; break;
    case 2: r = a * b; break;
    case 3: r = fltMod(a, b); break;
    case 4: r = b === 2 ? a * a : cpow(a, b); break;
    case 5: r = a / b; break;
    case 6: r = Math.floor(a / b); break;
    default: return undefined;
  }
  return Number.isInteger(r) ? new LuaFloat(r) : r;
}

/**
 * x op y for op AR.BAND, AR.BOR or AR.BXOR when both are int32s or both uint32s (such as the
 * mask 0xFFFFFFFF): JS's 32-bit operations are exact there; else undefined.
 */
function bit32(op: number, x: number, y: number): number | undefined {
  if ((x | 0) === x && (y | 0) === y) return op === 7 ? x & y : op === 8 ? x | y : x ^ y;
  if ((x >>> 0) === x && (y >>> 0) === y) return (op === 7 ? x & y : op === 8 ? x | y : x ^ y) >>> 0;
  return undefined;
}

/** Inline arithmetic on two JS numbers for op (AR.*), or undefined for the slow path. */
function fastArith(op: number, x: number, y: number): LuaValue {
  const xi = Number.isInteger(x);
  const yi = Number.isInteger(y);
  switch (op) {
    case AR.ADD: {
      const r = x + y;
      if (xi && yi) return r <= MAXSAFE && r >= -MAXSAFE ? r : undefined;
      return Number.isInteger(r) ? new LuaFloat(r) : r;
    }
    case AR.SUB: {
      const r = x - y;
      if (xi && yi) return r <= MAXSAFE && r >= -MAXSAFE ? r : undefined;
      return Number.isInteger(r) ? new LuaFloat(r) : r;
    }
    case AR.MUL: {
      const r = x * y;
      if (xi && yi) return r <= MAXSAFE && r >= -MAXSAFE ? r + 0 : undefined;
      return Number.isInteger(r) ? new LuaFloat(r) : r;
    }
    case AR.MOD: {
      if (xi && yi) {
        if (y === 0) return undefined;
        let r = x % y;
        if (r !== 0 && (r < 0) !== (y < 0)) r += y;
        return r + 0;
      }
      return mkfloat(fltMod(x, y));
    }
    case AR.POW:
      return mkfloat(y === 2 ? x * x : cpow(x, y));
    case AR.DIV: {
      const r = x / y;
      return Number.isInteger(r) ? new LuaFloat(r) : r;
    }
    case AR.IDIV:
      if (xi && yi) {
        if (y === 0) return undefined;
        return Math.floor(x / y) + 0;
      }
      return mkfloat(Math.floor(x / y));
    case AR.BAND:
      if ((x | 0) === x && (y | 0) === y) return x & y;
      return xi && yi ? intBand(x, y) : undefined;
    case AR.BOR:
      if ((x | 0) === x && (y | 0) === y) return x | y;
      return xi && yi ? intBor(x, y) : undefined;
    case AR.BXOR:
      if ((x | 0) === x && (y | 0) === y) return x ^ y;
      return xi && yi ? intBxor(x, y) : undefined;
    case AR.SHL:
      return xi && yi ? intShl(x, y) : undefined;
    case AR.SHR:
      return xi && yi ? intShr(x, y) : undefined;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------
// host entry

/**
 * The host stopped a run (an InterruptSignal left execute(): a limit, an abort) whose entry
 * frame is frame `eci` of thread L, while thread `inner` was running (L itself, or a
 * coroutine L resumed, directly or not). Drops the run's frames: those above the entry's
 * caller on L, and every frame of the coroutines in between, which die. Returns the values
 * of the to-be-closed variables that were pending, innermost first, for the host to close;
 * vm.current is L again.
 */
export function abandonEntry(vm: LuaVM, L: LuaThread, eci: number, inner: LuaThread): LuaValue[] {
  const pending: LuaValue[] = [];
  let T: LuaThread | null = inner;
  while (T !== null && T !== L) {
    dropFrames(T, 0, 0, pending);
    T.status = CO_DEAD;
    T.body = undefined;
    const R: LuaThread | null = T.resumer;
    T.resumer = null;
    T = R;
  }
  const entry = L.frames[eci];
  dropFrames(L, eci - 1, entry.func, pending);
  entry.results = null;
  vm.current = L;
  if (L.status === CO_NORMAL) L.status = CO_RUNNING;
  return pending;
}

/** Pop thread T's frames down to frame `ci`, collecting its tbc values at or above `level`. */
function dropFrames(T: LuaThread, ci: number, level: number, pending: LuaValue[]): void {
  popFrames(T, ci);
  const tbc = T.tbc;
  while (tbc.length > 0 && tbc[tbc.length - 1] >= level) pending.push(T.stack[tbc.pop()!]);
  closeUpvals(T, level);
  if (T.stackLimit !== MAXSTACK) T.stackLimit = MAXSTACK;
}

/**
 * Call a Lua value from the host (or from a native that cannot yield): runs the VM until
 * the call returns and gives back all its results. Errors leave as EntryError carrying the
 * Lua error value. `handler`, when given, runs at the error point before unwinding (for
 * tracebacks).
 */
export function callValue(vm: LuaVM, fn: LuaValue, args: LuaValue[], handler: ((L: LuaThread, e: LuaValue) => LuaValue) | null = null): LuaValue[] {
  const L = vm.current;
  const entry = pushEntry(L, fn, args, handler);
  L.nyci++;
  try {
    execute(vm, entry, args.length);
  } finally {
    L.nyci--;
  }
  // the entry frame was popped by finishCall (CONT.ENTRY)
  const r = entry.results!;
  entry.results = null;
  return r;
}

/** Push an entry frame on L with fn and its arguments above it, ready for execute(). */
export function pushEntry(L: LuaThread, fn: LuaValue, args: LuaValue[], handler: ((L: LuaThread, e: LuaValue) => LuaValue) | null): Frame {
  const below = L.frames[L.ci];
  let at = frameTop(below);
  if (below.kind === FRAME_ENTRY) at = Math.max(at, below.func + 1);
  const entry = L.pushFrame();
  entry.kind = FRAME_ENTRY;
  entry.closure = null;
  entry.native = null;
  entry.func = at;
  entry.base = at + 1;
  entry.top = at + 1;
  entry.results = null;
  entry.entryHandler = handler;
  entry.pstatus = 0;
  entry.cont = CONT.DISCARD;
  entry.ccall = 0;
  if (L.ci > 1) {
    entry.ccall = 1;
    L.nccalls++;
  }
  L.ensureStack(at + args.length + 8);
  const s = L.stack;
  s[at + 1] = fn;
  for (let j = 0; j < args.length; j++) s[at + 2 + j] = args[j];
  entry.top = at + 2 + args.length;
  return entry;
}

/**
 * Run an entry pushed by pushEntry on `thread` (made current meanwhile) until it completes
 * (its results are in entry.results) or suspends on a host Promise (the signal is returned;
 * continue with `resume`, which steps the waiting generator, see suspend.ts). Errors leave as
 * EntryError.
 */
export function runEntry(vm: LuaVM, thread: LuaThread, entry: Frame, nargs: number, resume: (() => void) | null): SuspendSignal | null {
  const prev = vm.current;
  const depth = vm.suspendDepth;
  vm.current = thread;
  vm.suspendDepth = vm.execDepth + 1;
  try {
    execute(vm, entry, nargs, resume);
    return null;
  } catch (e) {
    if (e instanceof SuspendSignal) return e;
    throw e;
  } finally {
    vm.suspendDepth = depth;
    vm.current = prev;
  }
}

export { typeName };

// ---------------------------------------------------------------------------------------
// the compiling tier (src/vm/jit.ts) plugs in here when something installs it (enableTier:
// the engine and the command line do; the core entry does not, so a bundle of the core
// leaves the code generator out)

/** Runs a hot frame in compiled code (jit.ts jitRun); without the tier, interprets it. */
let jitRun: (L: LuaThread, frame: Frame) => number = noTier;

function noTier(L: LuaThread, frame: Frame): number {
  // a countdown it never reaches: the frame is not sent here again
  frame.closure!.proto.jitCount = 1 << 30;
  return -1;
}

/** Install the tier's entry; returns the slow paths compiled code calls. */
export function installTier(run: (L: LuaThread, frame: Frame) => number): JitRuntime {
  jitRun = run;
  return {
    getSlow, setSlow, arithSlow, subISlow, lessSlow, eqSlow, concat, lenSlow, forPrep, forLoopSlow,
    floatArith, fastArith, markTbc, closeOne, closeUpvals, findUpval, pushLua, pushNative, startGen,
    precall, finishCall, rtError, callError,
  };
}
