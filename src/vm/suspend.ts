/**
 * Suspending the VM on a host Promise (async host functions).
 *
 * A host function that returns a Promise turns into a generator native that yields an
 * AwaitRequest. When the interpreter serves that request and the running entry may suspend
 * (the engine started it with runEntry and no other execute() is nested inside it on the JS
 * stack), it throws a SuspendSignal: every frame has saved its state already (a call saves
 * its pc; compiled code saves its registers before calling), so the signal just leaves
 * execute(). The engine awaits the Promise, then resumes by stepping the generator of the
 * suspended frame with the outcome, inside a new execute() of the same entry.
 */
import type { LuaThread, Frame } from './state.js';

/** What a host generator yields to wait for a Promise. */
export class AwaitRequest {
  constructor(readonly promise: PromiseLike<unknown>, readonly name: string) {}
}

/** Signals that leave execute() without being Lua errors (pcall cannot catch them). */
export class VMSignal {}

/** The running entry suspended: `thread` (the current one) waits in generator frame `frame`. */
export class SuspendSignal extends VMSignal {
  constructor(readonly thread: LuaThread, readonly frame: Frame, readonly request: AwaitRequest) {
    super();
  }
}

/** The host stops the running entry (abort, limits): `error` is what the host gets. */
export class InterruptSignal extends VMSignal {
  /** the thread that was running when it was raised (set as it leaves the interpreter) */
  thread: LuaThread | null = null;
  constructor(readonly error: Error) {
    super();
  }
}

/** How an awaited Promise settled, as the waiting host generator receives it. */
export interface Settled {
  ok: boolean;
  value: unknown;
}
