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
import { LuaFloat, LuaClosure, NativeFunction } from './value.js';
import type { LuaValue } from './value.js';
import { Gen } from './jit-gen.js';
import { LuaTable } from './table.js';
import type { Proto, JitFn } from './proto.js';
import { JIT_DEFAULTS } from './proto.js';
import type { LuaThread } from './state.js';
import { isNum, numEQ, intShl, intShr } from './arith.js';
import { fastTM } from './meta.js';
import { jitUnavailable } from './jit-env.js';

// ---------------------------------------------------------------------------------------
// runtime: the interpreter's slow paths, installed by interp.ts (no import cycle)

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
}

let runtime: JitRuntime | null = null;

export function installJitRuntime(rt: JitRuntime): void {
  runtime = rt;
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
 * Called by the interpreter when p's hotness countdown runs out (pushLua at entries, the
 * loop back-edges). Compiles p once; returns true when the caller may enter its compiled
 * code now (at a back-edge target, which is a resume label).
 */
export function jitHot(L: LuaThread, p: Proto): boolean {
  const vm = L.vm;
  if (p.jit === null) {
    if (!vm.jitEnabled) {
      p.jitCount = 1 << 30;
      return false;
    }
    p.jit = compileProto(p);
    if (p.jit === null) {
      p.jitCount = 1 << 30;
      return false;
    }
  }
  if (L.hookMask !== 0 || !vm.jitEnabled) {
    // ask again after a while (hooks may be turned off)
    p.jitCount = 1000;
    return false;
  }
  p.jitCount = 0;
  return true;
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
  } catch {
    return null;
  }
  const src = g.source();
  if (src.length > JIT_LIMITS.maxSource) return null;
  let factory: (...a: any[]) => JitFn;
  try {
    factory = new Function('H', 'K', 'P', 'ENTRY', 'REFUND', 'REGION', src) as any;
  } catch (e) {
    // a Content Security Policy forbids it: stop trying (a syntax error would be our bug)
    if (!(e instanceof SyntaxError)) jitUnavailable();
    jitStats.failed++;
    jitStats.lastError = String(e);
    return null;
  }
  jitStats.compiled++;
  return factory(helpers(), p.k, p.p, g.entry, g.refund, g.region);
}

/** Build compiled code for p from a given source (experiments and tests only). */
export function _jitBuild(p: Proto, src: string): JitFn {
  const g = new Gen(p);
  if (!g.analyse()) throw new Error('not compilable');
  const factory = new Function('H', 'K', 'P', 'ENTRY', 'REFUND', src) as any;
  return factory(helpers(), p.k, p.p, g.entry, g.refund, g.region);
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
      isNum, numEQ, intShl, intShr, fastTM,
    };
  }
  return helperObj;
}

