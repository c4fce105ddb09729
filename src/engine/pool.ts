/**
 * StatePool: a pool of prepared Lua states (engine-internal; exported for configuration).
 *
 * A state is made in four stages: create (createState or the `create` option), init (a Lua
 * script run in the new state's own globals), preload (modules registered for `require`)
 * and warm-up (an async host callback). Whatever fails raises PoolInitError naming the
 * stage. After the preload stage the state's globals are snapshotted: that is the pristine
 * image every run starts from. `acquire()` waits for a state (FIFO); `tryAcquire()` gives
 * one at once or null (it makes one on the spot when there is room and no warm-up stage,
 * whose callback may be async).
 *
 * ## Isolation: a fresh _ENV per run
 *
 * `prepareEnv(state)` gives a new environment table for one run (bind it as the chunk's
 * first upvalue: `pool.bind(proto, env)` or `pool.load(state, source)`). It holds a shallow
 * copy of the snapshot of the globals, where
 *  - every table (string, table, math, ..., and tables the init script left in globals) is
 *    replaced by a read-only proxy: an empty table whose metatable reads through to the real
 *    table (`__index`, `__pairs`, `__len`, and `__call`/`__tostring` when the real table has
 *    them) and refuses writes (`__newindex` raises "attempt to modify read-only table").
 *    Tables reached through a proxy are proxied too, and the real tables are never handed
 *    to a run (the proxy metatable is protected by `__metatable`). Proxies are made once per
 *    state and reused by its runs; the only way a run can change one is `rawset` into the
 *    proxy itself, which does not touch the shared table, and prepareEnv drops any proxy
 *    that is no longer empty, so the next run gets a new one;
 *  - `_G` is the environment itself, `package` is a fresh table (its own `loaded`,
 *    `preload`, `searchers`, `path`...; writable, as scripts expect), and `require`,
 *    `load`, `loadfile`, `dofile` and `getmetatable` are versions that act for the current
 *    run (made once per state; a state serves one run at a time): chunks and modules they
 *    load get this run's _ENV, modules are cached in this run's `package.loaded` only, and
 *    `getmetatable` returns a read-only proxy for a metatable of the shared state
 *    (`getmetatable("")` is a proxy whose `__index` is this run's `string`, so
 *    `getmetatable("").__index.x = 1` is refused);
 *  - `debug` is reduced to `traceback` and `getinfo` (option `debug`: 'safe', the default;
 *    'none' removes it; 'full' exposes the whole library read-only, which gives up the
 *    isolation: debug.setmetatable, getregistry, setupvalue reach shared state).
 * On release the pool also restores what the libraries keep outside tables: the collector
 * settings (collectgarbage "stop", "generational", setpause...), warn's on/off switch, the
 * default io input/output files, vm.stdout/stderr (setvbuf wraps them) and the random
 * generator (reseeded, as a fresh state would be, when the run called math.random or
 * math.randomseed: the pool puts versions that note their use in the state's math table).
 *
 * Making an environment is cheap (well under a microsecond for the standard library): the
 * globals, package, package.loaded and package.preload of a run are tables made from
 * shapes computed once per state (LuaTable.initShape: the keys are shared until the run
 * adds one, the values copied from an array), with the run's own tables put in their slots.
 *
 * Where a shared table holds one of the objects a run has its own version of (the globals
 * table, package, require...), a proxy gives the version of the run whose environment was
 * prepared last: a state serves one run at a time.
 *
 * Differences from a plain Lua state that a run can observe: library tables are proxies,
 * so `next(string)`, `rawget(string, "format")` and `rawlen` see an empty table (`pairs`,
 * indexing, `#` and `ipairs` work), and assigning to a library field is an error. Functions
 * defined by the init script keep the state's real globals as their _ENV, and whatever they
 * keep in upvalues is shared by every run on that state (that is the init script's choice).
 *
 * ## Health
 *
 * Each state has a score in [0, 1], computed on release (and by cleanup):
 *
 *   health = (1 - 0.5 e) * (1 - 0.3 s) * (1 - m^2) * (1 - a^2) * (1 - u^2)
 *
 *   e  error rate over the last `window` runs (outcome.ok === false)
 *   s  rate of slow runs over the same window (outcome.durationMs >= slowRunMs)
 *   m  memory growth since the state was ready, as a fraction of maxMemoryGrowth (clamped to 1)
 *   a  age as a fraction of maxAgeMs (clamped to 1)
 *   u  use count as a fraction of maxUses (clamped to 1)
 *
 * A fresh state scores 1; errors alone bring it down to 0.5 at worst, slow runs alone to
 * 0.7, both to 0.35; the squared terms cost little early (a state at 40% of its maximum age
 * scores 0.84) and reach 0 at their limit, so an old, much used or bloated state is always
 * replaced. At the default threshold failing runs alone never recycle a state (an error is
 * usually the script's, not the state's). `healthy` means >= 0.8. A released state scoring below `recycleBelow` (default
 * 0.45, under the 0.5 that failing runs alone can reach) is closed; a new state is made at once for the first waiter, if any, and to keep
 * `min` states, otherwise on the next acquire(). cleanup() applies the same threshold to
 * idle states (whose score changes only with age).
 *
 * ## Sizes and timing
 *
 * `max` bounds idle + in use + being made. Idle states are reused most recently used first;
 * cleanup() closes those idle for idleTimeoutMs or longer, least recently used first, down
 * to `min`. The clock (`now`) and the timers are options, so tests drive them.
 */
import type { LuaVM, LuaThread } from '../vm/state.js';
import { LuaTable } from '../vm/table.js';
import {
  LuaClosure, LuaUserdata, NativeFunction, SPECIAL, UpVal, generalArray,
} from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { LuaThrow, LuaError } from '../vm/errors.js';
import { CallRequest, callValue } from '../vm/interp.js';
import { checkAny, checkString, nativeError } from '../vm/auxlib.js';
import { getMetatable } from '../vm/meta.js';
import { Proto } from '../vm/proto.js';
import { closedUpval } from '../stdlib/base.js';
import { compileTextDetailed, loadChunk, skipFilePrefix } from '../stdlib/load.js';
import { createState, closeState, protectedCall } from './runtime.js';
import type { StateOptions } from './runtime.js';
import { enableTier } from '../vm/jit.js';

enableTier();

// ---------------------------------------------------------------------------------------
// errors

export type PoolInitStage = 'create' | 'init' | 'preload' | 'warmup';

/** Making a state failed; `stage` says where, `cause` is what was thrown. */
export class PoolInitError extends Error {
  readonly stage: PoolInitStage;
  override readonly cause: unknown;
  constructor(stage: PoolInitStage, cause: unknown, detail?: string) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`StatePool: state ${stage} failed${detail ? ` (${detail})` : ''}: ${why}`);
    this.name = 'PoolInitError';
    this.stage = stage;
    this.cause = cause;
  }
}

/** acquire() after shutdown, or a waiter rejected by shutdown. */
export class PoolShutdownError extends Error {
  constructor(message = 'StatePool: the pool is shut down') {
    super(message);
    this.name = 'PoolShutdownError';
  }
}

/** acquire() aborted by its AbortSignal. Shaped like the DOM's AbortError (name 'AbortError'). */
export class PoolAbortError extends Error {
  /** the signal's reason */
  readonly reason: unknown;
  readonly code = 20; // DOMException.ABORT_ERR
  constructor(reason?: unknown) {
    super('StatePool: acquire was aborted');
    this.name = 'AbortError';
    this.reason = reason;
  }
}

// ---------------------------------------------------------------------------------------
// options and reports

/**
 * A module for `require`: Lua source (its chunk is the loader, run with the requiring
 * run's _ENV), a host loader called with (vm, name) on each require in each run (return a
 * fresh value: a table returned twice is shared by the runs), or a ready loader function.
 */
export type PoolModule =
  | string
  | { source: string; chunkname?: string }
  | ((vm: LuaVM, name: string) => LuaValue)
  | NativeFunction;

export interface HealthOptions {
  /** a released state scoring below this is closed and replaced (default 0.45) */
  recycleBelow?: number;
  /** number of recent runs the error and slow rates are taken over (default 20) */
  window?: number;
  /** a run at least this long counts as slow (default 1000 ms) */
  slowRunMs?: number;
  /** memory growth (bytes) at which the memory term reaches 0 (default 64 MiB) */
  maxMemoryGrowth?: number;
  /** age at which the age term reaches 0 (default 30 minutes) */
  maxAgeMs?: number;
  /** uses at which the use term reaches 0 (default 10000) */
  maxUses?: number;
}

export interface PoolTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface StatePoolOptions {
  /** states kept even when idle (default 0) */
  min?: number;
  /** most states at once, idle + in use + being made (default 4) */
  max?: number;
  /** options of createState (stdout, stderr, readFile...) */
  stateOptions?: StateOptions;
  /** stage 'create': makes the bare state (default: createState(stateOptions)) */
  create?: () => LuaVM;
  /** stage 'init': Lua source run in the new state, with its real globals as _ENV */
  init?: string | { source: string; chunkname?: string };
  /** stage 'preload': modules for require, by name */
  modules?: Record<string, PoolModule>;
  /** stage 'warmup': runs after the snapshot (use pool.load/prepareEnv to run code like a run) */
  warmup?: (state: PooledState, pool: StatePool) => void | Promise<void>;
  /** the debug library in run environments (default 'safe': traceback and getinfo) */
  debug?: 'safe' | 'full' | 'none';
  /** idle states beyond `min` are closed after this long (default 60000 ms) */
  idleTimeoutMs?: number;
  /** how often cleanup() runs by itself (default: idleTimeoutMs / 2, at least 1000 ms; 0: never) */
  cleanupIntervalMs?: number;
  health?: HealthOptions;
  /** the clock (ms); default Date.now */
  now?: () => number;
  /** timers for the cleanup interval and the shutdown deadline; default the global ones */
  timers?: PoolTimers;
}

/** What a run did with a state, given back on release. */
export interface RunOutcome {
  ok: boolean;
  durationMs: number;
  /** memory in use after the run, in bytes (default: the state's collector estimate) */
  memoryBytes?: number;
}

export interface PoolMetrics {
  /** idle states ready to hand out */
  available: number;
  inUse: number;
  /** acquire() calls waiting for a state */
  waiting: number;
  /** states being made */
  creating: number;
  /** states made so far */
  created: number;
  /** states closed because of their health (on release, or by cleanup) */
  recycled: number;
  /** idle states closed by cleanup */
  cleanedUp: number;
  /** states closed by discard() */
  discarded: number;
  /** creations that failed */
  failedCreations: number;
}

export interface HealthReport {
  score: number;
  healthy: boolean;
  errorRate: number;
  slowRate: number;
  /** memory growth since ready, bytes */
  memoryGrowth: number;
  ageMs: number;
  uses: number;
}

export interface ShutdownReport {
  /** states the shutdown closed (idle ones, and in-use ones released before the deadline) */
  closed: number;
  /** states still in use at the deadline: left to their runs (closed when released) */
  abandoned: number;
  abandonedStates: PooledState[];
}

// ---------------------------------------------------------------------------------------
// pooled states

type Status = 'creating' | 'idle' | 'busy' | 'closed' | 'abandoned';

let nextStateId = 1;

/** A Lua state owned by the pool. */
export class PooledState {
  readonly id: number;
  readonly vm: LuaVM;
  readonly createdAt: number;
  /** @internal */ status: Status = 'creating';
  /** completed uses (releases) */
  uses = 0;
  /** total failed runs */
  errors = 0;
  /** total slow runs */
  slowRuns = 0;
  /** when it last became idle */
  idleSince = 0;
  /** memory when the state was ready (bytes) */
  baselineMemory = 0;
  /** memory after the last run (bytes) */
  lastMemory = 0;
  /** health computed at the last release */
  lastHealth = 1;
  /** @internal recent outcomes: bit 0 failed, bit 1 slow */
  readonly recent: number[] = [];
  /** @internal */ image: StateImage | null = null;

  /** @internal */
  constructor(vm: LuaVM, now: number) {
    this.id = nextStateId++;
    this.vm = vm;
    this.createdAt = now;
  }
}

// ---------------------------------------------------------------------------------------
// the pool

interface Request {
  resolve: (s: PooledState) => void;
  reject: (e: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | null;
  pending: boolean;
}

const DEFAULT_TIMERS: PoolTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as any),
  setInterval: (fn, ms) => globalThis.setInterval(fn, ms),
  clearInterval: (h) => globalThis.clearInterval(h as any),
};

export class StatePool {
  readonly min: number;
  readonly max: number;
  private readonly opts: StatePoolOptions;
  private readonly now: () => number;
  private readonly timers: PoolTimers;
  private readonly idleTimeoutMs: number;
  private readonly recycleBelow: number;
  private readonly window: number;
  private readonly slowRunMs: number;
  private readonly maxMemoryGrowth: number;
  private readonly maxAgeMs: number;
  private readonly maxUses: number;

  /** idle states, least recently used first */
  private readonly idle: PooledState[] = [];
  private readonly busy = new Set<PooledState>();
  private readonly waiters: Request[] = [];
  private creating = 0;
  private counters = { created: 0, recycled: 0, cleanedUp: 0, discarded: 0, failedCreations: 0 };
  private cleanupTimer: unknown = null;
  private shutdownPromise: Promise<ShutdownReport> | null = null;
  private draining: { closed: number; check: () => void } | null = null;
  /** the last error of a background creation (one made to keep `min`) */
  lastCreateError: unknown = null;

  constructor(options: StatePoolOptions = {}) {
    this.opts = options;
    this.min = Math.max(0, Math.floor(options.min ?? 0));
    this.max = Math.max(1, Math.floor(options.max ?? 4));
    if (this.min > this.max) throw new RangeError('StatePool: min is larger than max');
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? DEFAULT_TIMERS;
    this.idleTimeoutMs = options.idleTimeoutMs ?? 60000;
    const h = options.health ?? {};
    this.recycleBelow = h.recycleBelow ?? 0.45;
    this.window = Math.max(1, h.window ?? 20);
    this.slowRunMs = h.slowRunMs ?? 1000;
    this.maxMemoryGrowth = h.maxMemoryGrowth ?? 64 * 1024 * 1024;
    this.maxAgeMs = h.maxAgeMs ?? 30 * 60 * 1000;
    this.maxUses = h.maxUses ?? 10000;
    const every = options.cleanupIntervalMs ?? Math.max(1000, this.idleTimeoutMs / 2);
    if (every > 0 && Number.isFinite(every)) {
      this.cleanupTimer = this.timers.setInterval(() => this.cleanup(), every);
      (this.cleanupTimer as any)?.unref?.();
    }
  }

  // ---- acquiring and releasing ---------------------------------------------------------

  /**
   * A state for one run: an idle one, else a new one (while fewer than `max` exist), else
   * the first one released after every earlier waiter has been served (FIFO). Rejects with
   * PoolAbortError when `signal` aborts first, PoolShutdownError after shutdown, and
   * PoolInitError when the state made for this call fails.
   */
  acquire(signal?: AbortSignal): Promise<PooledState> {
    if (this.shutdownPromise !== null) return Promise.reject(new PoolShutdownError());
    if (signal?.aborted) return Promise.reject(new PoolAbortError(signal.reason));
    return new Promise<PooledState>((resolve, reject) => {
      const req: Request = { resolve, reject, signal, onAbort: null, pending: true };
      if (signal !== undefined) {
        req.onAbort = () => {
          if (!req.pending) return;
          req.pending = false;
          const i = this.waiters.indexOf(req);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(new PoolAbortError(signal.reason));
        };
        signal.addEventListener('abort', req.onAbort, { once: true });
      }
      const s = this.idle.pop();
      if (s !== undefined) this.deliver(req, s);
      else if (this.size() < this.max) void this.spawn(req);
      else this.waiters.push(req);
    });
  }

  /**
   * A state now, without waiting: an idle one, else one made on the spot (when fewer than
   * `max` exist and there is no async `warmup` stage), else null. Never overtakes a waiter:
   * with acquire() calls waiting it returns null. Throws PoolShutdownError after shutdown
   * and PoolInitError when the state made for it fails.
   */
  tryAcquire(): PooledState | null {
    if (this.shutdownPromise !== null) throw new PoolShutdownError();
    if (this.waiters.length > 0) return null;
    let s = this.idle.pop();
    if (s === undefined) {
      if (this.opts.warmup !== undefined || this.size() >= this.max) return null;
      try {
        s = this.makeStateSync();
      } catch (e) {
        this.counters.failedCreations++;
        throw e;
      }
      this.counters.created++;
    }
    s.status = 'busy';
    this.busy.add(s);
    return s;
  }

  /**
   * Give a state back with the outcome of its run. The state is cleaned (see the file
   * comment), its health updated; an unhealthy state is closed and replaced, a healthy one
   * goes to the first waiter or back to the idle list.
   */
  release(state: PooledState, outcome: RunOutcome): void {
    if (state.status === 'abandoned') {
      this.closeQuietly(state);
      return;
    }
    if (state.status !== 'busy' || !this.busy.has(state)) {
      throw new Error(`StatePool.release: state ${state.id} is not in use`);
    }
    this.busy.delete(state);
    this.account(state, outcome);
    if (this.draining !== null) {
      this.closeQuietly(state);
      this.draining.closed++;
      this.draining.check();
      return;
    }
    try {
      this.reset(state);
    } catch {
      state.lastHealth = 0; // a state that cannot be reset is not reused
    }
    if (state.lastHealth < this.recycleBelow) {
      this.closeQuietly(state);
      this.counters.recycled++;
      this.refill();
      return;
    }
    this.offer(state);
  }

  /** Close an acquired state instead of releasing it (say, its run was interrupted). */
  discard(state: PooledState): void {
    if (state.status === 'abandoned') {
      this.closeQuietly(state);
      return;
    }
    if (!this.busy.delete(state)) throw new Error(`StatePool.discard: state ${state.id} is not in use`);
    this.closeQuietly(state);
    if (this.draining !== null) {
      this.draining.closed++;
      this.draining.check();
      return;
    }
    this.counters.discarded++;
    this.refill();
  }

  /** Make states until `min` exist; rejects with the first PoolInitError. */
  async prewarm(): Promise<void> {
    const jobs: Promise<unknown>[] = [];
    while (this.shutdownPromise === null && this.size() < this.min) jobs.push(this.spawn(null));
    const errors = (await Promise.all(jobs)).filter((e) => e !== null);
    if (errors.length > 0) throw errors[0];
  }

  // ---- health, cleanup, metrics --------------------------------------------------------

  /** The health of a state now (see the formula in the file comment). */
  health(state: PooledState): HealthReport {
    const n = state.recent.length;
    let fails = 0;
    let slow = 0;
    for (const r of state.recent) {
      if (r & 1) fails++;
      if (r & 2) slow++;
    }
    const e = n > 0 ? fails / n : 0;
    const s = n > 0 ? slow / n : 0;
    const growth = Math.max(0, state.lastMemory - state.baselineMemory);
    const m = clamp01(growth / this.maxMemoryGrowth);
    const ageMs = Math.max(0, this.now() - state.createdAt);
    const a = clamp01(ageMs / this.maxAgeMs);
    const u = clamp01(state.uses / this.maxUses);
    const score = clamp01((1 - 0.5 * e) * (1 - 0.3 * s) * (1 - m * m) * (1 - a * a) * (1 - u * u));
    return { score, healthy: score >= 0.8, errorRate: e, slowRate: s, memoryGrowth: growth, ageMs, uses: state.uses };
  }

  /**
   * Close idle states that have been idle for idleTimeoutMs or more, oldest first, while
   * more than `min` states exist; idle states whose health fell below the recycle threshold
   * (age) are replaced. Returns how many were closed. Runs by itself every cleanupIntervalMs.
   */
  cleanup(): number {
    if (this.shutdownPromise !== null) return 0;
    const t = this.now();
    let closed = 0;
    for (let i = 0; i < this.idle.length;) {
      const s = this.idle[i];
      if (t - s.idleSince >= this.idleTimeoutMs && this.size() > this.min) {
        this.idle.splice(i, 1);
        this.closeQuietly(s);
        this.counters.cleanedUp++;
        closed++;
        continue;
      }
      const h = this.health(s).score;
      s.lastHealth = h;
      if (h < this.recycleBelow) {
        this.idle.splice(i, 1);
        this.closeQuietly(s);
        this.counters.recycled++;
        closed++;
        continue;
      }
      i++;
    }
    this.refill();
    return closed;
  }

  metrics(): PoolMetrics {
    return {
      available: this.idle.length,
      inUse: this.busy.size,
      waiting: this.waiters.length,
      creating: this.creating,
      ...this.counters,
    };
  }

  /** idle + in use + being made */
  size(): number {
    return this.idle.length + this.busy.size + this.creating;
  }

  // ---- shutdown ------------------------------------------------------------------------

  /**
   * Stop the pool: acquire() rejects from now on, waiters are rejected with
   * PoolShutdownError, idle states are closed, and in-use states are closed as they are
   * released, for at most `deadline` ms (default: no limit). States still in use then are
   * abandoned (reported; closed whenever they are released). Calling it again gives the
   * same report.
   */
  shutdown(options: { deadline?: number } = {}): Promise<ShutdownReport> {
    if (this.shutdownPromise !== null) return this.shutdownPromise;
    if (this.cleanupTimer !== null) {
      this.timers.clearInterval(this.cleanupTimer);
      this.cleanupTimer = null;
    }
    for (const req of this.waiters.splice(0)) this.fail(req, new PoolShutdownError('StatePool: the pool was shut down while waiting'));
    let closed = 0;
    for (const s of this.idle.splice(0)) {
      this.closeQuietly(s);
      closed++;
    }
    this.shutdownPromise = new Promise<ShutdownReport>((resolve) => {
      let timer: unknown = null;
      const finish = (): void => {
        if (this.draining === null) return;
        const d = this.draining;
        this.draining = null;
        if (timer !== null) this.timers.clearTimeout(timer);
        const abandonedStates = [...this.busy];
        for (const s of abandonedStates) s.status = 'abandoned';
        this.busy.clear();
        resolve({ closed: d.closed, abandoned: abandonedStates.length, abandonedStates });
      };
      this.draining = {
        closed,
        check: () => {
          if (this.busy.size === 0 && this.creating === 0) finish();
        },
      };
      const deadline = options.deadline ?? Infinity;
      if (Number.isFinite(deadline)) timer = this.timers.setTimeout(finish, Math.max(0, deadline));
      this.draining.check();
    });
    return this.shutdownPromise;
  }

  // ---- running code in a state -----------------------------------------------------------

  /** A new environment for one run on `state` (see the file comment). */
  prepareEnv(state: PooledState): LuaTable {
    if (state.image === null || state.status === 'closed') throw new Error(`StatePool.prepareEnv: state ${state.id} is not usable`);
    return state.image.newEnv();
  }

  /** A closure of `proto` whose first upvalue (_ENV) is `env` (what load does with an env). */
  bind(proto: Proto, env: LuaTable): LuaClosure {
    return bindProto(proto, env);
  }

  /**
   * Compile `source` (or take a compiled Proto) and bind it to a fresh environment of
   * `state`: the main function of one run. Throws LuaError on a syntax error.
   */
  load(state: PooledState, source: string | Proto, chunkname = '=run'): LuaClosure {
    let p: Proto;
    if (source instanceof Proto) p = source;
    else {
      const r = compileTextDetailed(source, chunkname);
      if (!(r instanceof Proto)) throw new LuaError(r.message, r.message);
      p = r;
    }
    return bindProto(p, this.prepareEnv(state));
  }

  // ---- internals -------------------------------------------------------------------------

  private deliver(req: Request, s: PooledState): void {
    req.pending = false;
    if (req.onAbort !== null) req.signal!.removeEventListener('abort', req.onAbort);
    s.status = 'busy';
    this.busy.add(s);
    req.resolve(s);
  }

  private fail(req: Request, e: unknown): void {
    if (!req.pending) return;
    req.pending = false;
    if (req.onAbort !== null) req.signal!.removeEventListener('abort', req.onAbort);
    req.reject(e);
  }

  /** A state is free: to the first waiter still waiting, else to the idle list. */
  private offer(s: PooledState): void {
    while (this.waiters.length > 0) {
      const req = this.waiters.shift()!;
      if (req.pending) {
        this.deliver(req, s);
        return;
      }
    }
    s.status = 'idle';
    s.idleSince = this.now();
    this.idle.push(s);
  }

  /**
   * Make a state for `req` (or, with null, for the pool: to keep `min`). Resolves when it
   * is done, with the creation error or null.
   */
  private spawn(req: Request | null): Promise<unknown> {
    this.creating++;
    return this.makeState().then(
      (s) => {
        this.creating--;
        if (this.draining !== null || this.shutdownPromise !== null) {
          this.closeQuietly(s);
          if (this.draining !== null) {
            this.draining.closed++;
            this.draining.check();
          }
          if (req !== null) this.fail(req, new PoolShutdownError());
          return null;
        }
        if (req !== null && req.pending) this.deliver(req, s);
        else this.offer(s);
        return null;
      },
      (e) => {
        this.creating--;
        this.counters.failedCreations++;
        if (req !== null && req.pending) this.fail(req, e);
        else this.lastCreateError = e;
        this.draining?.check();
        // the capacity it held is free again: the next waiter gets a try of its own
        this.serveWaiters();
        return e;
      },
    );
  }

  /** Capacity is free: make states for waiters, then up to `min`. */
  private refill(): void {
    this.serveWaiters();
    while (this.shutdownPromise === null && this.size() < this.min) void this.spawn(null);
  }

  private serveWaiters(): void {
    while (this.shutdownPromise === null && this.waiters.length > 0 && this.size() < this.max) {
      const req = this.waiters.shift()!;
      if (req.pending) void this.spawn(req);
    }
  }

  private closeQuietly(s: PooledState): void {
    if (s.status === 'closed') return;
    s.status = 'closed';
    s.image = null;
    try {
      closeState(s.vm);
    } catch {
      /* errors in finalizers are the state's own */
    }
  }

  private memoryOf(vm: LuaVM): number {
    return vm.gcCount() * 1024;
  }

  private account(s: PooledState, o: RunOutcome): void {
    s.uses++;
    const slow = o.durationMs >= this.slowRunMs;
    if (!o.ok) s.errors++;
    if (slow) s.slowRuns++;
    s.recent.push((o.ok ? 0 : 1) | (slow ? 2 : 0));
    while (s.recent.length > this.window) s.recent.shift();
    s.lastMemory = o.memoryBytes ?? this.memoryOf(s.vm);
    s.lastHealth = this.health(s).score;
  }

  /** Restore what the libraries keep outside tables (see the file comment). */
  private reset(s: PooledState): void {
    s.image?.restore();
  }

  /** The four stages. */
  private async makeState(): Promise<PooledState> {
    const o = this.opts;
    const state = this.makeStateSync();
    if (o.warmup !== undefined) {
      try {
        await o.warmup(state, this);
        state.image!.restore();
      } catch (e) {
        this.closeQuietly(state);
        throw new PoolInitError('warmup', e);
      }
      state.baselineMemory = this.memoryOf(state.vm);
      state.lastMemory = state.baselineMemory;
    }
    this.counters.created++;
    return state;
  }

  /** The stages that run synchronously: create, init, preload (and the snapshot). */
  private makeStateSync(): PooledState {
    const o = this.opts;
    let vm: LuaVM;
    try {
      vm = o.create !== undefined ? o.create() : createState(o.stateOptions);
    } catch (e) {
      throw new PoolInitError('create', e);
    }
    // health measures memory growth by the accounted heap: keep its collections at the
    // usual pause, so that garbage not yet traced does not look like growth
    vm.gcquietMax = 1;
    const state = new PooledState(vm, this.now());
    const originals = captureOriginals(vm);
    try {
      if (o.init !== undefined) {
        const src = typeof o.init === 'string' ? o.init : o.init.source;
        const name = typeof o.init === 'string' ? '=init' : o.init.chunkname ?? '=init';
        try {
          const f = loadChunk(vm, src, name, 't');
          if (typeof f === 'string') throw new LuaError(f, f);
          protectedCall(vm, f, [], null);
        } catch (e) {
          throw new PoolInitError('init', e);
        }
      }
      let modules: Map<string, ModuleEntry>;
      try {
        modules = prepareModules(o.modules ?? {});
      } catch (e) {
        throw e instanceof PoolInitError ? e : new PoolInitError('preload', e);
      }
      try {
        state.image = new StateImage(vm, originals, modules, o.debug ?? 'safe');
      } catch (e) {
        throw new PoolInitError('preload', e, 'snapshot');
      }
    } catch (e) {
      this.closeQuietly(state);
      throw e;
    }
    state.baselineMemory = this.memoryOf(vm);
    state.lastMemory = state.baselineMemory;
    return state;
  }
}

function clamp01(x: number): number {
  return x < 0 || Number.isNaN(x) ? 0 : x > 1 ? 1 : x;
}

/** A closure of a main Proto with its first upvalue set to env. */
function bindProto(p: Proto, env: LuaValue): LuaClosure {
  const upvals = generalArray<UpVal>();
  for (let i = 0; i < p.upvalNames.length; i++) upvals.push(closedUpval(i === 0 ? env : undefined));
  return new LuaClosure(p, upvals);
}

// ---------------------------------------------------------------------------------------
// modules

type ModuleEntry = { kind: 'lua'; proto: Proto } | { kind: 'native'; fn: NativeFunction };

function prepareModules(mods: Record<string, PoolModule>): Map<string, ModuleEntry> {
  const out = new Map<string, ModuleEntry>();
  for (const [name, m] of Object.entries(mods)) {
    if (typeof m === 'string' || (typeof m === 'object' && m !== null && !(m instanceof NativeFunction) && typeof (m as any).source === 'string')) {
      const src = typeof m === 'string' ? m : m.source;
      const chunkname = typeof m === 'string' ? `=${name}` : m.chunkname ?? `=${name}`;
      const p = compileTextDetailed(src, chunkname);
      if (!(p instanceof Proto)) throw new PoolInitError('preload', new LuaError(p.message, p.message), `module '${name}'`);
      out.set(name, { kind: 'lua', proto: p });
    } else if (m instanceof NativeFunction) {
      out.set(name, { kind: 'native', fn: m });
    } else if (typeof m === 'function') {
      const host = m;
      out.set(name, {
        kind: 'native',
        fn: new NativeFunction(`loader '${name}'`, (L: LuaThread, base: number) => {
          let v: LuaValue;
          try {
            v = host(L.vm, name);
          } catch (e) {
            if (e instanceof LuaThrow) throw e;
            throw new LuaThrow(`error loading module '${name}': ${e instanceof Error ? e.message : String(e)}`);
          }
          L.stack[base] = v;
          return 1;
        }, null, SPECIAL.NONE, null),
      });
    } else {
      throw new PoolInitError('preload', new TypeError(`module '${name}' is neither Lua source nor a loader`));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// the pristine image of a state and the environments made from it

/** The library functions a run gets its own version of. */
interface Originals {
  globals: LuaTable;
  loaded: LuaTable;
  package: LuaValue;
  require: LuaValue;
  load: LuaValue;
  loadfile: LuaValue;
  dofile: LuaValue;
  getmetatable: LuaValue;
  debug: LuaValue;
}

function captureOriginals(vm: LuaVM): Originals {
  const G = vm.globals;
  return {
    globals: G,
    loaded: vm.loaded,
    package: G.getStr('package'),
    require: G.getStr('require'),
    load: G.getStr('load'),
    loadfile: G.getStr('loadfile'),
    dofile: G.getStr('dofile'),
    getmetatable: G.getStr('getmetatable'),
    debug: G.getStr('debug'),
  };
}

/** Every entry of a table, in traversal order. */
function entries(t: LuaTable): [LuaValue, LuaValue][] {
  const out: [LuaValue, LuaValue][] = [];
  const kv: LuaValue[] = [undefined, undefined];
  for (let p = t.nextFrom(0, kv); p !== 0; p = t.nextFrom(p, kv)) out.push([kv[0], kv[1]]);
  return out;
}

/**
 * One run's environment and its own versions of the shared tables it may change: the
 * globals table (env), package, package.loaded, package.preload and package.searchers.
 */
interface RunEnv {
  env: LuaTable;
  loaded: LuaTable;
  pkg: LuaTable;
  preload: LuaTable;
  searchers: LuaTable;
}

/** Which table of a RunEnv stands for a shared object (see StateImage.perRun). */
const RUN_ENV = 0;
const RUN_LOADED = 1;
const RUN_PKG = 2;
const RUN_PRELOAD = 3;
const RUN_SEARCHERS = 4;

function runTable(run: RunEnv, which: number): LuaTable {
  switch (which) {
    case RUN_ENV: return run.env;
    case RUN_LOADED: return run.loaded;
    case RUN_PKG: return run.pkg;
    case RUN_PRELOAD: return run.preload;
    default: return run.searchers;
  }
}

/**
 * The contents of a table every run gets a copy of (globals, package.loaded, package,
 * package.preload), as a shape: `keys` and `map` shared by the copies (LuaTable.initShape;
 * a copy that gains a key copies them first), `vals` the values a run sees, and `fix` the
 * slots whose value is the run's own, as pairs (slot, what): `what` is a RUN_* table, or
 * MODULE + j for the j-th Lua module of the preload stage (a loader bound to the run's
 * _ENV). A shape with a key that is not a string (`plain` false) is copied key by key
 * instead: the array part of a table has its own invariants.
 */
interface Shape {
  map: Map<LuaValue, number>;
  keys: LuaValue[];
  vals: LuaValue[];
  fix: number[];
  plain: boolean;
}

const MODULE = 8;

/** The shapes of one state's run tables; made again when a proxy they hold was dropped. */
interface Shapes {
  globals: Shape;
  loaded: Shape;
  pkg: Shape;
  preload: Shape;
}

/** substitute(): the object is not replaced for runs */
const NO_SUBST: unique symbol = Symbol('no substitute');

const MAXTAGLOOP = 2000;

/** Collects the entries of a Shape (non-nil values only, each key once). */
class ShapeBuilder {
  private readonly map = new Map<LuaValue, number>();
  private readonly keys: LuaValue[] = [];
  private readonly vals: LuaValue[] = [];
  private readonly fix: number[] = [];
  private plain = true;

  has(k: LuaValue): boolean {
    return this.map.has(k);
  }

  add(k: LuaValue, v: LuaValue): void {
    if (v === undefined || this.map.has(k)) return;
    if (typeof k !== 'string') this.plain = false;
    this.map.set(k, this.keys.length);
    this.keys.push(k);
    this.vals.push(v);
  }

  /** A slot whose value each run provides (`what`: see Shape.fix). */
  fixed(k: LuaValue, what: number): void {
    if (this.map.has(k)) return;
    if (typeof k !== 'string') this.plain = false;
    this.fix.push(this.keys.length, what);
    this.map.set(k, this.keys.length);
    this.keys.push(k);
    this.vals.push(true); // (a placeholder: fill() puts the run's value here)
  }

  done(): Shape {
    return { map: this.map, keys: this.keys, vals: this.vals, fix: this.fix, plain: this.plain };
  }
}

/**
 * What a pooled state's runs start from: the snapshot of its globals, package and loaded
 * modules, the tables that belong to the shared state, the proxy machinery, and the
 * library settings restored after each run.
 */
class StateImage {
  private readonly vm: LuaVM;
  private readonly orig: Originals;
  private readonly globals: [LuaValue, LuaValue][];
  private readonly loaded: [LuaValue, LuaValue][];
  private readonly pkgFields: [LuaValue, LuaValue][];
  private readonly preload: [LuaValue, LuaValue][];
  private readonly modules: Map<string, ModuleEntry>;
  /** tables reachable from the state when it was snapshotted */
  private readonly shared = new WeakSet<object>();
  /** the read-only proxies: real table -> proxy, and back */
  private readonly proxyOf = new Map<LuaTable, LuaTable>();
  private readonly realOf = new Map<LuaTable, LuaTable>();
  /** the run whose environment was made last (what proxies and run functions act for) */
  private current: RunEnv | null = null;
  /** the package.preload and package.searchers tables a script of the state could reach */
  private readonly realPreload: LuaTable | null;
  private readonly realSearchers: LuaTable | null;
  /** library functions -> the state's run-aware versions (require, load, getmetatable...) */
  private readonly runFunctions = new Map<LuaValue, LuaValue>();
  /** what the run-aware functions hold for the collector: the current run's tables */
  private readonly runRoots: LuaValue[] = [undefined, undefined, undefined, undefined, undefined];
  private readonly searcherList: NativeFunction[];
  private shapes: Shapes | null = null;
  private readonly metas = new WeakMap<LuaTable, LuaTable>();
  private readonly names = new WeakMap<LuaTable, string>();
  private readonly safeDebug: LuaTable | null;
  private readonly debugMode: 'safe' | 'full' | 'none';
  // library state outside tables
  private readonly gc: { running: boolean; pause: number; stepmul: number; mode: string };
  private readonly warnOn: boolean;
  private readonly stdout: (s: string) => void;
  private readonly stderr: (s: string) => void;
  private readonly registry: [LuaValue, LuaValue][];
  private readonly randomseed: LuaValue;
  /** math.random or math.randomseed was called since the generator was last seeded */
  private randomUsed = false;
  // the proxy metamethods (one set per state)
  private readonly indexFn: NativeFunction;
  private readonly newindexFn: NativeFunction;
  private readonly pairsFn: NativeFunction;
  private readonly pairsIter: NativeFunction;
  private readonly lenFn: NativeFunction;
  private readonly callFn: NativeFunction;
  private readonly tostringFn: NativeFunction;

  constructor(vm: LuaVM, orig: Originals, modules: Map<string, ModuleEntry>, debugMode: 'safe' | 'full' | 'none') {
    this.vm = vm;
    this.orig = orig;
    this.modules = modules;
    this.debugMode = debugMode;
    this.globals = entries(vm.globals);
    this.loaded = entries(vm.loaded);
    const pkg = orig.package instanceof LuaTable ? orig.package : null;
    this.pkgFields = pkg !== null ? entries(pkg) : [];
    const pl = pkg?.getStr('preload');
    this.preload = pl instanceof LuaTable ? entries(pl) : [];
    this.realPreload = pl instanceof LuaTable ? pl : null;
    const rs = pkg?.getStr('searchers');
    this.realSearchers = rs instanceof LuaTable ? rs : null;
    this.gc = { running: vm.gcrunning, pause: vm.gcpause, stepmul: vm.gcstepmul, mode: vm.gcmode };
    this.warnOn = vm.warnOn;
    this.stdout = vm.stdout;
    this.stderr = vm.stderr;
    this.registry = entries(vm.registry).filter(([k]) => typeof k === 'string');
    const math = vm.globals.getStr('math');
    this.randomseed = math instanceof LuaTable ? math.getStr('randomseed') : undefined;
    if (math instanceof LuaTable) this.trackRandom(math);

    const dbg = orig.debug;
    if (debugMode === 'safe' && dbg instanceof LuaTable) {
      const t = new LuaTable();
      for (const k of ['traceback', 'getinfo']) t.setStr(k, dbg.getStr(k));
      this.safeDebug = t;
    } else {
      this.safeDebug = null;
    }

    // the shared state: everything reachable from its roots
    const roots: LuaValue[] = [vm.globals, vm.loaded, vm.registry, vm.stringMeta, ...vm.typeMeta.values()];
    if (this.safeDebug !== null) roots.push(this.safeDebug);
    this.markShared(roots);
    for (const [k, v] of this.globals) if (typeof k === 'string' && v instanceof LuaTable && !this.names.has(v)) this.names.set(v, k);
    if (vm.stringMeta !== null) this.names.set(vm.stringMeta, 'string metatable');

    const image = this;
    this.indexFn = new NativeFunction('__index', (L: LuaThread, base: number) => {
      const s = L.stack;
      let t = image.realOf.get(s[base]);
      const k = s[base + 1];
      for (let loop = 0; loop < MAXTAGLOOP && t !== undefined; loop++) {
        const v = t.get(k);
        if (v !== undefined) {
          s[base] = image.wrap(v);
          return 1;
        }
        const h = t.metatable?.getStr('__index');
        if (h === undefined) break;
        if (!(h instanceof LuaTable)) return -1;
        t = h;
      }
      s[base] = undefined;
      return 1;
    }, function* (L: LuaThread, base: number): Generator<CallRequest, number, LuaValue> {
      // an __index function of a shared table: called with this run's proxy
      const s = L.stack;
      let t = image.realOf.get(s[base]);
      const k = s[base + 1];
      for (let loop = 0; loop < MAXTAGLOOP && t !== undefined; loop++) {
        const v = t.get(k);
        if (v !== undefined) {
          s[base] = image.wrap(v);
          return 1;
        }
        const h = t.metatable?.getStr('__index');
        if (h === undefined) break;
        if (!(h instanceof LuaTable)) {
          const r = (yield new CallRequest(h, [image.wrap(t), k], 1)) as LuaValue;
          L.stack[base] = image.wrapShared(r);
          return 1;
        }
        t = h;
      }
      s[base] = undefined;
      return 1;
    }, SPECIAL.NONE, null);
    this.indexFn.yieldable = true;

    this.newindexFn = new NativeFunction('__newindex', (L: LuaThread, base: number) => {
      const s = L.stack;
      const real = image.realOf.get(s[base]);
      const name = real !== undefined ? image.names.get(real) : undefined;
      const k = s[base + 1];
      const field = typeof k === 'string' ? ` (field '${k}')` : '';
      nativeError(L, name !== undefined
        ? `attempt to modify read-only table '${name}'${field}`
        : `attempt to modify a read-only table${field}`);
    }, null, SPECIAL.NONE, null);

    this.pairsIter = new NativeFunction('next', (L: LuaThread, base: number) => {
      const s = L.stack;
      const t = image.realOf.get(s[base]);
      if (t === undefined) {
        s[base] = undefined;
        return 1;
      }
      const p = t.nextIndex(s[base + 1]);
      if (p < 0) throw new LuaThrow("invalid key to 'next'");
      const kv: LuaValue[] = [undefined, undefined];
      const q = t.nextFrom(p, kv);
      if (q === 0) {
        s[base] = undefined;
        return 1;
      }
      s[base] = image.wrap(kv[0]);
      s[base + 1] = image.wrap(kv[1]);
      return 2;
    }, null, SPECIAL.NONE, null);

    this.pairsFn = new NativeFunction('__pairs', (L: LuaThread, base: number) => {
      const s = L.stack;
      const p = s[base];
      s[base] = image.pairsIter;
      s[base + 1] = p;
      s[base + 2] = undefined;
      return 3;
    }, null, SPECIAL.NONE, null);

    this.lenFn = new NativeFunction('__len', (L: LuaThread, base: number) => {
      const s = L.stack;
      const t = image.realOf.get(s[base]);
      s[base] = t !== undefined ? t.length() : 0;
      return 1;
    }, null, SPECIAL.NONE, null);

    // a callable shared table (a __call in its metatable): called with this run's proxy as self
    this.callFn = new NativeFunction('__call', null, function* (L: LuaThread, base: number, n: number): Generator<CallRequest, number, LuaValue> {
      const s = L.stack;
      const h = image.realOf.get(s[base])?.metatable?.getStr('__call');
      if (h === undefined) nativeError(L, 'attempt to call a table value');
      const args: LuaValue[] = [];
      for (let i = 0; i < n; i++) args.push(s[base + i]);
      const res = (yield new CallRequest(h, args, -1)) as LuaValue[];
      L.ensureStack(base + res.length + 1);
      for (let i = 0; i < res.length; i++) L.stack[base + i] = image.wrapShared(res[i]);
      return res.length;
    }, SPECIAL.NONE, null);
    this.callFn.yieldable = true;

    this.tostringFn = new NativeFunction('__tostring', null, function* (L: LuaThread, base: number): Generator<CallRequest, number, LuaValue> {
      const s = L.stack;
      const p = s[base];
      const h = image.realOf.get(p)?.metatable?.getStr('__tostring');
      const r = h === undefined ? `table: ${L.vm.addressOf(p)}` : (yield new CallRequest(h, [p], 1)) as LuaValue;
      L.stack[base] = r;
      return 1;
    }, SPECIAL.NONE, null);
    this.tostringFn.yieldable = true;

    this.makeRunFunctions();
    this.searcherList = this.makeSearchers();
  }

  /** Mark every table reachable from the roots (through tables, metatables, userdata and closure upvalues). */
  private markShared(roots: LuaValue[]): void {
    const stack: LuaValue[] = [...roots];
    const kv: LuaValue[] = [undefined, undefined];
    while (stack.length > 0) {
      const v = stack.pop();
      if (v === null || typeof v !== 'object' || this.shared.has(v)) continue;
      if (v instanceof LuaTable) {
        this.shared.add(v);
        if (v.metatable !== null) stack.push(v.metatable);
        for (let p = v.nextFrom(0, kv); p !== 0; p = v.nextFrom(p, kv)) {
          if (typeof kv[0] === 'object') stack.push(kv[0]);
          if (typeof kv[1] === 'object') stack.push(kv[1]);
        }
      } else if (v instanceof LuaUserdata) {
        this.shared.add(v);
        if (v.metatable !== null) stack.push(v.metatable);
        for (const u of v.uservalues) if (typeof u === 'object') stack.push(u);
      } else if (v instanceof LuaClosure) {
        this.shared.add(v);
        for (const uv of v.upvals) {
          const x = uv.arr[uv.idx];
          if (typeof x === 'object') stack.push(x);
        }
      }
    }
  }

  /**
   * What a run sees instead of an object of the shared state: its own globals, package,
   * loaded, preload or searchers table, a run-aware library function, the debug library of
   * the pool's `debug` mode; NO_SUBST for anything else.
   */
  private substitute(v: object, run: RunEnv | null): LuaValue | typeof NO_SUBST {
    if (run !== null) {
      const which = this.perRun(v);
      if (which >= 0) return runTable(run, which);
    }
    const f = this.runFunctions.get(v);
    if (f !== undefined) return f;
    if (v === this.orig.debug && this.debugMode !== 'full') {
      return this.debugMode === 'safe' && this.safeDebug !== null ? this.wrap(this.safeDebug, run) : undefined;
    }
    return NO_SUBST;
  }

  /** The RUN_* table a run has instead of `v`, or -1. */
  private perRun(v: LuaValue): number {
    const o = this.orig;
    if (v === o.globals) return RUN_ENV;
    if (v === o.loaded) return RUN_LOADED;
    if (v === o.package) return RUN_PKG;
    if (v === this.realPreload) return RUN_PRELOAD;
    if (v === this.realSearchers) return RUN_SEARCHERS;
    return -1;
  }

  /** What a run sees for a value of the shared state: its substitute or read-only proxy. */
  wrap(v: LuaValue, run: RunEnv | null = this.current): LuaValue {
    if (typeof v !== 'object' || v === null) return v;
    const sub = this.substitute(v, run);
    if (sub !== NO_SUBST) return sub;
    if (!(v instanceof LuaTable)) return v;
    let p = this.proxyOf.get(v);
    if (p === undefined) {
      p = new LuaTable();
      p.metatable = this.metaFor(v);
      this.proxyOf.set(v, p);
      this.realOf.set(p, v);
    }
    return p;
  }

  /** wrap() for values that shared code returned: only what belongs to the shared state. */
  wrapShared(v: LuaValue, run: RunEnv | null = this.current): LuaValue {
    if (typeof v !== 'object' || v === null) return v;
    const sub = this.substitute(v, run);
    if (sub !== NO_SUBST) return sub;
    return v instanceof LuaTable && this.shared.has(v) ? this.wrap(v, run) : v;
  }

  /**
   * Proxies are shared by the runs of a state; the only way a run can change one is rawset
   * (or rawset-like raw writes), into the proxy itself. A proxy that is no longer an empty
   * table with its own metatable is dropped: later runs get a new one. Returns whether it
   * dropped any.
   */
  private scrub(): boolean {
    let dropped = false;
    for (const [real, p] of this.proxyOf) {
      if (p.arr.length !== 0 || p.hkeys.length !== 0 || p.metatable !== this.metas.get(real)) {
        this.proxyOf.delete(real);
        this.realOf.delete(p);
        dropped = true;
      }
    }
    return dropped;
  }

  /** The metatable of the proxies of `real` (one per real table, never handed to a run). */
  private metaFor(real: LuaTable): LuaTable {
    let mt = this.metas.get(real);
    if (mt !== undefined) return mt;
    mt = new LuaTable();
    // a table without table values or metatable (string, math, table...): plain reads go
    // straight to it (the VM's fast path); anything else goes through indexFn, which wraps
    let flat = real.metatable === null;
    if (flat) {
      const kv: LuaValue[] = [undefined, undefined];
      for (let p = real.nextFrom(0, kv); p !== 0 && flat; p = real.nextFrom(p, kv)) {
        const v = kv[1];
        if (v instanceof LuaTable || v === this.orig.require || v === this.orig.load || v === this.orig.loadfile
          || v === this.orig.dofile || v === this.orig.getmetatable) flat = false;
      }
    }
    mt.setStr('__index', flat ? real : this.indexFn);
    mt.setStr('__newindex', this.newindexFn);
    mt.setStr('__pairs', this.pairsFn);
    mt.setStr('__len', this.lenFn);
    const rmt = real.metatable;
    if (rmt !== null) {
      if (rmt.getStr('__call') !== undefined) mt.setStr('__call', this.callFn);
      if (rmt.getStr('__tostring') !== undefined) mt.setStr('__tostring', this.tostringFn);
      const nm = rmt.getStr('__name');
      if (typeof nm === 'string') mt.setStr('__name', nm);
    }
    mt.setStr('__metatable', false);
    this.metas.set(real, mt);
    return mt;
  }

  /**
   * A fresh environment for one run: copies of the shapes of the globals, package,
   * package.loaded and package.preload (values shared, keys shared until the run adds
   * one), a new searchers list, and the run made current.
   */
  newEnv(): LuaTable {
    if (this.scrub()) this.shapes = null;
    const sh = this.shapes ?? (this.shapes = this.makeShapes());
    const run: RunEnv = {
      env: new LuaTable(), loaded: new LuaTable(), pkg: new LuaTable(), preload: new LuaTable(), searchers: new LuaTable(),
    };
    this.current = run;
    const roots = this.runRoots;
    roots[0] = run.env;
    roots[1] = run.loaded;
    roots[2] = run.pkg;
    roots[3] = run.preload;
    roots[4] = run.searchers;
    this.fill(run.env, sh.globals, run);
    this.fill(run.loaded, sh.loaded, run);
    this.fill(run.pkg, sh.pkg, run);
    this.fill(run.preload, sh.preload, run);
    const list = this.searcherList;
    for (let i = 0; i < list.length; i++) run.searchers.setInt(i + 1, list[i]);
    return run.env;
  }

  /** A run table from its shape: the shared values with the run's own in the fixed slots. */
  private fill(t: LuaTable, sh: Shape, run: RunEnv): void {
    const keys = sh.keys;
    if (keys.length === 0) return;
    const vals = sh.vals.slice();
    const fix = sh.fix;
    for (let i = 0; i < fix.length; i += 2) {
      const what = fix[i + 1];
      vals[fix[i]] = what < MODULE ? runTable(run, what) : bindProto(this.moduleProtos[what - MODULE], run.env);
    }
    if (sh.plain) t.initShape(sh.map, keys, vals);
    else for (let i = 0; i < keys.length; i++) t.set(keys[i], vals[i]);
  }

  /** Lua modules of the preload stage, in the order the preload shape refers to them. */
  private moduleProtos: Proto[] = [];

  /** The shapes of the run tables, from the snapshot and the current proxies. */
  private makeShapes(): Shapes {
    const globals = new ShapeBuilder();
    const loaded = new ShapeBuilder();
    const pkg = new ShapeBuilder();
    const preload = new ShapeBuilder();
    const add = (b: ShapeBuilder, k: LuaValue, v: LuaValue): void => {
      const which = typeof v === 'object' && v !== null ? this.perRun(v) : -1;
      if (which >= 0) b.fixed(k, which);
      else b.add(k, this.wrap(v, null));
    };
    for (const [k, v] of this.globals) add(globals, k, v);
    for (const [k, v] of this.loaded) add(loaded, k, v);
    for (const [k, v] of this.pkgFields) add(pkg, k, v);
    if (!pkg.has('loaded')) pkg.fixed('loaded', RUN_LOADED);
    if (!pkg.has('preload')) pkg.fixed('preload', RUN_PRELOAD);
    if (!pkg.has('searchers')) pkg.fixed('searchers', RUN_SEARCHERS);
    // the pool's modules first: they replace what the state's own preload has of the same name
    this.moduleProtos = [];
    for (const [name, m] of this.modules) {
      if (m.kind === 'lua') {
        preload.fixed(name, MODULE + this.moduleProtos.length);
        this.moduleProtos.push(m.proto);
      } else {
        preload.add(name, m.fn);
      }
    }
    for (const [k, v] of this.preload) add(preload, k, v);
    return { globals: globals.done(), loaded: loaded.done(), pkg: pkg.done(), preload: preload.done() };
  }

  /**
   * The run-aware versions of require, load, loadfile, dofile and getmetatable: made once
   * per state, each acts for the current run (the one whose environment was made last: a
   * state serves one run at a time). Chunks they load get that run's _ENV, modules are
   * cached in its package.loaded. Their `data` is the current run's tables, for the
   * collector.
   */
  private makeRunFunctions(): void {
    const o = this.orig;
    const image = this;
    const roots = this.runRoots;
    const cur = (L: LuaThread): RunEnv => {
      const r = image.current;
      if (r === null) nativeError(L, 'no run environment was prepared in this state');
      return r;
    };

    const requireFn = new NativeFunction('require', null, function* (L: LuaThread, base: number, n: number): Generator<CallRequest, number, LuaValue> {
      const name = checkString(L, base, n, 1);
      const run = cur(L);
      const loaded = run.loaded;
      const s = L.stack;
      const have = loaded.get(name);
      if (have !== undefined && have !== false) {
        s[base] = have;
        return 1;
      }
      const list = run.pkg.getStr('searchers');
      if (!(list instanceof LuaTable)) nativeError(L, "'package.searchers' must be a table");
      let msg = '';
      let loader: LuaValue;
      let data: LuaValue;
      for (let i = 1; ; i++) {
        const searcher = list.getInt(i);
        if (searcher === undefined) nativeError(L, `module '${name}' not found:${msg}`);
        const r = (yield new CallRequest(searcher, [name], -1)) as LuaValue[];
        if (r[0] instanceof LuaClosure || r[0] instanceof NativeFunction) {
          loader = r[0];
          data = r[1];
          break;
        }
        if (typeof r[0] === 'string') msg += '\n\t' + r[0];
      }
      const res = (yield new CallRequest(loader, [name, data], 1)) as LuaValue;
      if (res !== undefined) loaded.set(name, res);
      else if (loaded.get(name) === undefined) loaded.set(name, true);
      L.stack[base] = loaded.get(name);
      L.stack[base + 1] = data;
      return 2;
    }, SPECIAL.NONE, roots);
    this.runFunctions.set(o.require, requireFn);

    const origLoad = o.load instanceof NativeFunction ? o.load : null;
    if (origLoad !== null && origLoad.gen !== null) {
      const loadFn = new NativeFunction('load', null, function* (L: LuaThread, base: number, n: number): Generator<CallRequest, number, LuaValue> {
        if (n < 4) {
          // no env given: the run's, where the library would use the state's globals
          const env = cur(L).env;
          L.ensureStack(base + 5);
          const s = L.stack;
          for (let i = n; i < 3; i++) s[base + i] = undefined;
          s[base + 3] = env;
          n = 4;
        }
        return yield* origLoad.gen!(L, base, n);
      }, SPECIAL.NONE, roots);
      loadFn.catches = origLoad.catches;
      this.runFunctions.set(o.load, loadFn);
    }

    const origLoadfile = o.loadfile instanceof NativeFunction && o.loadfile.fn !== null ? o.loadfile : null;
    if (origLoadfile !== null) {
      const loadfileWith = (L: LuaThread, base: number, n: number): number => {
        if (n < 3) {
          const env = cur(L).env;
          L.ensureStack(base + 4);
          const s = L.stack;
          for (let i = n; i < 2; i++) s[base + i] = undefined;
          s[base + 2] = env;
          n = 3;
        }
        return origLoadfile.fn!(L, base, n);
      };
      this.runFunctions.set(o.loadfile, new NativeFunction('loadfile', loadfileWith, null, SPECIAL.NONE, roots));
      const dofileFn = new NativeFunction('dofile', null, function* (L: LuaThread, base: number, n: number): Generator<CallRequest, number, LuaValue> {
        const k = loadfileWith(L, base, Math.min(n, 1));
        const f = L.stack[base];
        if (k !== 1 || f === undefined) throw new LuaThrow(L.stack[base + 1]);
        const res = (yield new CallRequest(f, [], -1)) as LuaValue[];
        L.ensureStack(base + res.length + 1);
        for (let i = 0; i < res.length; i++) L.stack[base + i] = res[i];
        return res.length;
      }, SPECIAL.NONE, roots);
      dofileFn.yieldable = true;
      if (o.dofile !== undefined) this.runFunctions.set(o.dofile, dofileFn);
    }

    this.runFunctions.set(o.getmetatable, new NativeFunction('getmetatable', (L: LuaThread, base: number, n: number): number => {
      const v = checkAny(L, base, n, 1);
      const run = cur(L);
      const real = v instanceof LuaTable ? image.realOf.get(v) : undefined;
      const mt = real !== undefined ? real.metatable : getMetatable(L.vm, v);
      if (mt === null) {
        L.stack[base] = undefined;
        return 1;
      }
      const prot = mt.getStr('__metatable');
      const r = prot !== undefined ? prot : mt;
      L.stack[base] = real !== undefined ? image.wrap(r, run) : image.wrapShared(r, run);
      return 1;
    }, null, SPECIAL.NONE, roots));
    // (a library function the policy removed is undefined: never looked up)
    this.runFunctions.delete(undefined);
  }

  /** package.searchers of the runs: preload, Lua files (loaded with the run's env), C (none). */
  private makeSearchers(): NativeFunction[] {
    const vm = this.vm;
    const image = this;
    const roots = this.runRoots;
    const cur = (L: LuaThread): RunEnv => {
      const r = image.current;
      if (r === null) nativeError(L, 'no run environment was prepared in this state');
      return r;
    };
    const pathOf = (L: LuaThread, field: string): string => {
      const v = cur(L).pkg.getStr(field);
      if (typeof v !== 'string') nativeError(L, `'package.${field}' must be a string`);
      return v;
    };
    const search = (name: string, path: string): { file: string | null; tried: string } => {
      name = name.split('.').join('/');
      const files = path.split('?').join(name).split(';');
      for (const file of files) {
        if (file !== '' && vm.readFile !== null && vm.fileExists(file)) return { file, tried: '' };
      }
      return { file: null, tried: `no file '${files.join("'\n\tno file '")}'` };
    };
    return [
      new NativeFunction('searcher_preload', (L: LuaThread, base: number, n: number) => {
        const name = checkString(L, base, n, 1);
        const pl = cur(L).pkg.getStr('preload');
        if (!(pl instanceof LuaTable)) nativeError(L, "'package.preload' must be a table");
        const f = pl.get(name);
        if (f === undefined) {
          L.stack[base] = `no field package.preload['${name}']`;
          return 1;
        }
        L.stack[base] = f;
        L.stack[base + 1] = ':preload:';
        return 2;
      }, null, SPECIAL.NONE, roots),
      new NativeFunction('searcher_Lua', (L: LuaThread, base: number, n: number) => {
        const name = checkString(L, base, n, 1);
        const env = cur(L).env;
        const r = search(name, pathOf(L, 'path'));
        if (r.file === null) {
          L.stack[base] = r.tried;
          return 1;
        }
        const f = loadChunk(vm, skipFilePrefix(vm.readFile!(r.file) ?? ''), '@' + r.file, 'bt');
        if (typeof f === 'string') throw new LuaThrow(`error loading module '${name}' from file '${r.file}':\n\t${f}`);
        if (f.upvals.length > 0) f.upvals[0] = closedUpval(env);
        L.stack[base] = f;
        L.stack[base + 1] = r.file;
        return 2;
      }, null, SPECIAL.NONE, roots),
      new NativeFunction('searcher_C', (L: LuaThread, base: number, n: number) => {
        L.stack[base] = search(checkString(L, base, n, 1), pathOf(L, 'cpath')).tried;
        return 1;
      }, null, SPECIAL.NONE, roots),
      new NativeFunction('searcher_Croot', (L: LuaThread, base: number, n: number) => {
        const name = checkString(L, base, n, 1);
        const dot = name.indexOf('.');
        if (dot < 0) return 0;
        L.stack[base] = search(name.slice(0, dot), pathOf(L, 'cpath')).tried;
        return 1;
      }, null, SPECIAL.NONE, roots),
    ];
  }

  /**
   * Replace math.random and math.randomseed in the state's math table by versions that note
   * their use, so that restore() reseeds the generator only after a run drew from it or
   * seeded it (reseeding costs about a microsecond). Functions the init script defined keep
   * whatever they captured.
   */
  private trackRandom(math: LuaTable): void {
    const image = this;
    for (const name of ['random', 'randomseed']) {
      const f = math.getStr(name);
      if (!(f instanceof NativeFunction) || f.fn === null || f.gen !== null) continue;
      const real = f.fn;
      math.setStr(name, new NativeFunction(name, (L: LuaThread, base: number, n: number): number => {
        image.randomUsed = true;
        return real(L, base, n);
      }, null, f.special, f.data));
    }
  }

  /** Put back the library settings kept outside tables. */
  restore(): void {
    const vm = this.vm;
    vm.gcrunning = this.gc.running;
    vm.gcpause = this.gc.pause;
    vm.gcstepmul = this.gc.stepmul;
    vm.gcmode = this.gc.mode;
    vm.warnOn = this.warnOn;
    vm.warnPartial = '';
    vm.stdout = this.stdout;
    vm.stderr = this.stderr;
    for (const [k, v] of this.registry) vm.registry.set(k, v);
    if (this.randomUsed && this.randomseed !== undefined) {
      callValue(vm, this.randomseed, []);
      this.randomUsed = false;
    }
  }
}
