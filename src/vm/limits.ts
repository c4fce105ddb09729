/**
 * Hard limits of a state: instructions, memory, string size, call depth (and, through the
 * host's onBudget hook, time and abort).
 *
 * Instructions. The interpreter runs in slices: `vm.budget` counts down the instructions of
 * the current slice (`vm.budgetChunk` of them) and the loop calls refillBudget when it runs
 * out, before the next instruction. With an instruction limit the last slice is cut to what
 * is left, so a run stops exactly before instruction limit+1. Library work is charged on
 * top (charge: pattern-matching steps, bytes of strings built, elements sorted or joined;
 * chargeScan: loops over a subject), so that no single library call runs unbounded; the
 * count is `instructions + budgetChunk - budget`.
 *
 * Memory. The accounted heap is the live size measured by the last collection
 * (`gcestimate`) plus what was allocated since (`gcdebt`; table growth reaches it through
 * `tableGrowth`). When that passes the limit, a full collection measures the live heap; if
 * that is still over, the run stops. Allocations of a known size (string.rep, concatenation,
 * every string a library function makes: chargeString) are checked before they happen
 * (checkAlloc), so a 1 GB string fails at once instead of being built.
 *
 * A limit stops the run with an InterruptSignal, which no pcall, xpcall, coroutine or
 * library call catches: the host gets `vm.limitError(kind, detail)`.
 */
import type { LuaVM, LimitKind } from './state.js';
import { tableGrowth } from './table.js';
import { InterruptSignal } from './suspend.js';
import { fullCollection } from './gc.js';

/** Instructions per slice (between two budget hooks). */
export const BUDGET_CHUNK = 20000;
/**
 * Instructions per slice while the host checks something at each slice (vm.onBudget: a time
 * limit, an abort signal). Some instructions cost far more than others (a call that raises an
 * error and is caught costs over a microsecond), so 20000 of them could run for 30 ms past a
 * deadline; 2048 keep that to a few ms, and the extra trips through the trampoline and the
 * clock cost well under 1%.
 */
export const CHECKED_CHUNK = 2048;

/**
 * A state's first slices (vm.warmSlices of them, WARM_SLICES in state.ts to begin with)
 * are at most WARM_CHUNK instructions. While V8 has not yet optimised the interpreter loop
 * (runSlice), a long slice keeps it looping in unoptimised code, and V8 then compiles it
 * twice: on-stack for the running loop, and again for the next call. Short slices return to
 * the trampoline often enough that the ordinary compilation alone takes over (half the
 * compile time of that large function); afterwards slices are long again, as the compiling
 * tier wants them. (Per state, not per process, so that where a state's slices end depends
 * on that state alone.)
 */
const WARM_CHUNK = 2000;

/** Stop the run: a limit was reached. */
export function limitHit(vm: LuaVM, kind: LimitKind, detail: string): never {
  const err = vm.limitError !== null ? vm.limitError(kind, detail) : new Error(detail);
  throw new InterruptSignal(err);
}

/** Instructions executed (and library work charged) so far, exact. */
export function instructionCount(vm: LuaVM): number {
  return vm.instructions + (vm.budgetChunk - vm.budget);
}

/**
 * Set the instruction limit (Infinity: none), counted against instructionCount(vm). Call
 * between runs, not while the interpreter runs (it keeps the budget in a local).
 */
export function setInstructionLimit(vm: LuaVM, limit: number): void {
  vm.instructions += vm.budgetChunk - vm.budget;
  vm.instructionLimit = limit;
  const rem = limit - vm.instructions;
  // a short first slice: the host's checks (set up with the limit) run soon after the start
  // even in a run too short to finish a whole slice (see CHECKED_CHUNK)
  const next = rem < 0 ? 0 : rem < CHECKED_CHUNK ? rem : CHECKED_CHUNK;
  vm.budgetChunk = next;
  vm.budget = next;
  vm.chargeTicks = BUDGET_CHUNK;
  // a thread with a debug hook runs with its budget held at zero (see interp.ts hookTrapOn)
  if (vm.current.hookMask !== 0) {
    vm.instructions -= vm.budget;
    vm.budget = 0;
  }
}

/**
 * The slice's budget ran out (vm.budget is 0) and another instruction is about to run:
 * stop at the instruction limit, else start the next slice, then run the host's checks.
 */
export function refillBudget(vm: LuaVM): void {
  vm.instructions += vm.budgetChunk;
  let next = vm.onBudget !== null ? CHECKED_CHUNK : BUDGET_CHUNK;
  if (vm.warmSlices > 0) {
    vm.warmSlices--;
    if (next > WARM_CHUNK) next = WARM_CHUNK;
  }
  if (vm.instructionLimit !== Infinity) {
    const rem = vm.instructionLimit - vm.instructions;
    if (rem <= 0) {
      vm.budgetChunk = 0;
      vm.budget = 0;
      limitHit(vm, 'instructions', 'instruction limit reached');
    }
    if (rem < next) next = rem;
  }
  vm.budgetChunk = next;
  vm.budget = next;
  checkHeap(vm);
  if (vm.onBudget !== null) vm.onBudget(vm);
}

/** A debug-hooked thread counts its instructions one by one: stop at the limit. */
export function checkHookedInstruction(vm: LuaVM): void {
  if (vm.instructions + vm.budgetChunk - vm.budget >= vm.instructionLimit) {
    limitHit(vm, 'instructions', 'instruction limit reached');
  }
}

/**
 * Charge `n` units of library work to the instruction count; every BUDGET_CHUNK units the
 * limits and the host's checks (time, abort) run, also in the middle of a long call.
 */
export function charge(vm: LuaVM, n: number): void {
  vm.instructions += n;
  if ((vm.chargeTicks -= n) < 0) chargeCheck(vm);
}

function chargeCheck(vm: LuaVM): void {
  vm.chargeTicks = BUDGET_CHUNK;
  if (instructionCount(vm) > vm.instructionLimit) {
    limitHit(vm, 'instructions', 'instruction limit reached');
  }
  checkHeap(vm);
  if (vm.onBudget !== null) vm.onBudget(vm);
}

/**
 * Move the table growth counted so far (one counter for every state in the process) into
 * vm's allocation debt. Called at every slice and when a run starts and ends, so that what
 * one state's tables grew by is never charged to another state.
 */
export function takeTableGrowth(vm: LuaVM): void {
  const g = tableGrowth.bytes;
  if (g !== 0) {
    tableGrowth.bytes = 0;
    vm.gcdebt += g;
  }
}

/** Move table growth into the allocation debt; with a memory limit, check the heap. */
export function checkHeap(vm: LuaVM): void {
  takeTableGrowth(vm);
  if (vm.memoryLimit !== Infinity) checkMemory(vm, 0);
}

/**
 * Before allocating a string of `len` bytes (or another object of that many bytes): fails
 * when it is longer than the string limit or would take the heap over the memory limit.
 */
export function checkAlloc(vm: LuaVM, len: number): void {
  if (len > vm.stringLimit) {
    limitHit(vm, 'string', `a string of ${len} bytes is longer than the string limit`);
  }
  if (vm.memoryLimit !== Infinity) checkMemory(vm, len);
}

/**
 * A library function makes a string of `len` bytes: check it against the string and memory
 * limits before it is built, count it in the allocation debt (so that keeping many of them
 * reaches the memory limit), and charge building it as library work, one unit per 64 bytes
 * (the rate of string.rep and concatenation). Functions that build it byte by byte in JS
 * charge their loop on top (see chargeScan).
 */
export function chargeString(vm: LuaVM, len: number): void {
  checkAlloc(vm, len);
  vm.gcdebt += 24 + len;
  if (len >= 64) charge(vm, len >>> 6);
}

/**
 * Charge a loop over `n` bytes (or values) done in JS inside one library call: one unit per
 * 8, about what an interpreted instruction costs. Calls that scan a whole subject each time
 * (string.byte, utf8.len, a plain find) would otherwise run for seconds between two checks
 * of the time limit in a loop of a few instructions.
 */
export function chargeScan(vm: LuaVM, n: number): void {
  if (n >= 8) charge(vm, n >>> 3);
}

/** The accounted heap plus `extra` bytes about to be allocated must fit in the limit. */
function checkMemory(vm: LuaVM, extra: number): void {
  let total = vm.gcestimate + vm.gcdebt + extra;
  if (total > vm.memoryLimit) {
    // what is allocated may be garbage: measure the live heap
    fullCollection(vm);
    total = vm.gcestimate + extra;
    if (total > vm.memoryLimit) {
      limitHit(vm, 'memory', 'memory limit reached');
    }
  }
  if (total > vm.memoryPeak) vm.memoryPeak = total;
}
