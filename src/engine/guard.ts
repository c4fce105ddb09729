/**
 * The limits of runs (see `Limits`): putting a run's limits in force on a state and taking
 * them back (runs nest: a host function may call back into Lua), stopping a run that
 * reached one (its frames dropped, its pending `<close>` variables closed under a small
 * extra budget), and waiting for host Promises against the run's deadline and AbortSignal.
 * The VM side is src/vm/limits.ts.
 */
import type { LuaVM, LuaThread, LimitKind } from '../vm/state.js';
import type { LuaValue } from '../vm/value.js';
import { abandonEntry, callValue, EntryError } from '../vm/interp.js';
import { instructionCount, setInstructionLimit } from '../vm/limits.js';
import { InterruptSignal } from '../vm/suspend.js';
import type { Settled } from '../vm/suspend.js';
import { getTM } from '../vm/meta.js';
import { toLuaString } from './convert.js';
import {
  LuaAbortError, LuaInstructionLimitError, LuaMemoryLimitError, LuaTimeoutError,
} from './errors.js';

/**
 * Hard limits. A script cannot catch a limit error (no pcall, xpcall or coroutine sees it):
 * the run stops, its pending `<close>` variables are closed under a small extra budget, and
 * the host gets the typed error. Absent fields mean no limit.
 */
export interface Limits {
  /** VM instructions per run, library work included (pattern-matching steps, bytes of
   *  strings built, elements sorted or joined): LuaInstructionLimitError */
  instructions?: number;
  /** the accounted heap of the state in bytes (live objects measured by a collection plus
   *  allocations since); allocations of a known size that would pass it fail before they
   *  happen: LuaMemoryLimitError */
  memoryBytes?: number;
  /** wall-clock time of a run in milliseconds, waiting for host Promises included:
   *  LuaTimeoutError */
  timeoutMs?: number;
  /** call frames (Lua and host functions) of one thread: the Lua error "stack overflow" */
  callDepth?: number;
  /** the longest string a script can make, in bytes: LuaMemoryLimitError */
  stringBytes?: number;
}

/** Extra budget for closing the pending `<close>` variables of a stopped run. */
export const CLOSE_BUDGET = { instructions: 10000, ms: 20, memoryBytes: 1 << 20 };

/** The limits of one run (or call) in force, and what it has used. */
export interface Guard {
  instructions: number;
  timeoutMs: number;
  used: number;
  deadline: number;
  memoryBytes: number;
  callDepth: number;
  stringBytes: number;
  signal: AbortSignal | undefined;
  peak: number;
}

/** VM settings saved by enterGuard. */
export interface SavedLimits {
  instructionLimit: number;
  memoryLimit: number;
  stringLimit: number;
  frameLimit: number;
  onBudget: LuaVM['onBudget'];
  peak: number;
  count: number;
}

/** The limits of a run: its own over the engine's; null when there are none at all. */
export function makeGuard(e: Limits, limitsSet: boolean, run: Limits | undefined, signal: AbortSignal | undefined): Guard | null {
  if (run === undefined && !limitsSet && signal === undefined) return null;
  const pick = (k: keyof Limits): number => {
    const v = run?.[k] ?? e[k];
    if (v === undefined) return Infinity;
    if (typeof v !== 'number' || !(v >= 0)) throw new TypeError(`LuaEngine: limits.${k} must be a number >= 0`);
    return v;
  };
  const timeout = pick('timeoutMs');
  return {
    instructions: pick('instructions'),
    timeoutMs: timeout,
    used: 0,
    deadline: timeout === Infinity ? Infinity : now() + timeout,
    memoryBytes: pick('memoryBytes'),
    callDepth: pick('callDepth'),
    stringBytes: pick('stringBytes'),
    signal,
    peak: 0,
  };
}

/** Put a guard's limits in force (never looser than those of an enclosing run). */
export function enterGuard(g: Guard, vm: LuaVM): SavedLimits {
  const count = instructionCount(vm);
  const saved: SavedLimits = {
    instructionLimit: vm.instructionLimit, memoryLimit: vm.memoryLimit, stringLimit: vm.stringLimit,
    frameLimit: vm.frameLimit, onBudget: vm.onBudget, peak: vm.memoryPeak, count,
  };
  if (g.instructions !== Infinity) {
    const lim = count + Math.max(0, g.instructions - g.used);
    if (lim < vm.instructionLimit) setInstructionLimit(vm, lim);
  }
  if (g.memoryBytes < vm.memoryLimit) vm.memoryLimit = g.memoryBytes;
  if (g.stringBytes < vm.stringLimit) vm.stringLimit = g.stringBytes;
  if (g.callDepth < vm.frameLimit) vm.frameLimit = Math.max(1, Math.floor(g.callDepth));
  if (vm.memoryLimit !== Infinity) vm.memoryPeak = vm.gcestimate + vm.gcdebt;
  vm.limitError = (kind, detail) => limitError(kind, detail, g);
  const deadline = g.deadline;
  const signal = g.signal;
  if (deadline !== Infinity || signal !== undefined) {
    const prev = saved.onBudget;
    // between instruction slices and during long library calls
    vm.onBudget = (v: LuaVM) => {
      if (signal !== undefined && signal.aborted) throw new InterruptSignal(new LuaAbortError());
      if (deadline !== Infinity && now() > deadline) throw new InterruptSignal(timeoutError(g));
      if (prev !== null) prev(v);
    };
  }
  return saved;
}

export function leaveGuard(g: Guard, saved: SavedLimits, vm: LuaVM): void {
  g.used += instructionCount(vm) - saved.count;
  if (vm.memoryLimit !== Infinity && vm.memoryPeak > g.peak) g.peak = vm.memoryPeak;
  if (vm.instructionLimit !== saved.instructionLimit) setInstructionLimit(vm, saved.instructionLimit);
  vm.memoryLimit = saved.memoryLimit;
  vm.stringLimit = saved.stringLimit;
  vm.frameLimit = saved.frameLimit;
  vm.onBudget = saved.onBudget;
  if (saved.peak > vm.memoryPeak) vm.memoryPeak = saved.peak;
}

/**
 * A run was stopped (a limit, an abort): drop its frames, close its pending `<close>`
 * variables under a small extra budget, and give the error the host gets.
 */
export function stopRun(sig: InterruptSignal, L: LuaThread, eci: number): Error {
  const vm = L.vm;
  const prev = vm.current;
  const pending = abandonEntry(vm, L, eci, sig.thread ?? L);
  if (pending.length > 0) closePending(L, pending, sig.error);
  if (prev !== L && prev.status !== 3 /* CO_DEAD */) vm.current = prev;
  return sig.error;
}

function closePending(L: LuaThread, pending: LuaValue[], err: Error): void {
  const vm = L.vm;
  const saved = {
    instructionLimit: vm.instructionLimit, memoryLimit: vm.memoryLimit, onBudget: vm.onBudget,
    stringLimit: vm.stringLimit,
  };
  setInstructionLimit(vm, instructionCount(vm) + CLOSE_BUDGET.instructions);
  if (vm.memoryLimit !== Infinity) vm.memoryLimit += CLOSE_BUDGET.memoryBytes;
  const deadline = now() + CLOSE_BUDGET.ms;
  vm.onBudget = () => {
    if (now() > deadline) throw new InterruptSignal(new LuaTimeoutError('closing handlers ran out of time'));
  };
  const msg = toLuaString(err.message);
  try {
    for (const v of pending) {
      const tm = getTM(vm, v, '__close');
      if (tm === undefined) continue;
      const eci = L.ci + 1;
      try {
        callValue(vm, tm, [v, msg]);
      } catch (e) {
        // the extra budget is spent: the remaining variables stay unclosed
        if (e instanceof InterruptSignal) {
          abandonEntry(vm, L, eci, e.thread ?? L);
          break;
        }
        // an error in a closing handler does not replace the limit error
        if (e instanceof EntryError) continue;
        throw e;
      }
    }
  } finally {
    setInstructionLimit(vm, saved.instructionLimit);
    vm.memoryLimit = saved.memoryLimit;
    vm.stringLimit = saved.stringLimit;
    vm.onBudget = saved.onBudget;
  }
}

/** The typed error of a limit the VM reached (vm.limitError). */
export function limitError(kind: LimitKind, detail: string, g: Guard): Error {
  switch (kind) {
    case 'instructions': return new LuaInstructionLimitError(`the run exceeded its limit of ${g.instructions} instructions`);
    case 'time': return timeoutError(g);
    case 'string': return new LuaMemoryLimitError(`the run exceeded its string limit: ${detail}`);
    default: return new LuaMemoryLimitError(`the run exceeded its memory limit of ${g.memoryBytes} bytes`);
  }
}

export function timeoutError(g: Guard): LuaTimeoutError {
  return new LuaTimeoutError(`the run exceeded its time limit of ${g.timeoutMs} ms`);
}

/** settle's outcome when the run's deadline passed first */
export const TIMED_OUT = Symbol('timed out');

/** (read once: in Node `performance` is a getter on the global object) */
const perf: { now(): number } | undefined = typeof performance !== 'undefined' ? performance : undefined;

export function now(): number {
  return perf !== undefined ? perf.now() : Date.now();
}

/** Wait for a host Promise; null when `signal` aborts first, TIMED_OUT after `deadline`. */
export function settle(p: PromiseLike<unknown>, signal: AbortSignal | undefined, deadline: number): Promise<Settled | null | typeof TIMED_OUT> {
  const outcome = Promise.resolve(p).then(
    (value): Settled => ({ ok: true, value }),
    (value): Settled => ({ ok: false, value }),
  );
  if (signal === undefined && deadline === Infinity) return outcome;
  if (signal?.aborted) return Promise.resolve(null);
  const left = deadline - now();
  if (left <= 0) return Promise.resolve(TIMED_OUT);
  return new Promise((resolve) => {
    const onAbort = () => finish(null);
    const timer = deadline !== Infinity ? setTimeout(() => finish(TIMED_OUT), Math.ceil(left)) : undefined;
    function finish(r: Settled | null | typeof TIMED_OUT): void {
      signal?.removeEventListener('abort', onAbort);
      if (timer !== undefined) clearTimeout(timer);
      resolve(r);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    outcome.then(finish);
  });
}
