/**
 * LuaEngine: the embedding API. One engine owns one Lua state (globals, loaded modules,
 * bridges); it runs chunks, exchanges values with JS through the converters of convert.ts,
 * exposes host functions and bridged host objects, and reports errors as typed classes.
 *
 * A pooled engine (option `pool`) owns no state of its own: each run goes through a
 * pipeline
 *
 *   compile (through the chunk cache) -> acquire a state of the StatePool -> prepare a
 *   fresh _ENV (pool.prepareEnv) -> execute (the run's limits and signal) -> convert the
 *   results -> release the state (or discard it, see `giveBack`)
 *
 * and the host functions, modules, bridges and globals registered on the engine are
 * recorded (`installs`) and put into every state the pool makes. A registration after
 * states exist bumps `generation`: states of an older generation are closed when they
 * come back or are next handed out, so a run never sees an outdated set. Every run, pooled
 * or not, is timed stage by stage for `metrics()` (src/engine/metrics.ts).
 */
import type { LuaVM } from '../vm/state.js';
import { LuaTable } from '../vm/table.js';
import {
  NativeFunction, LuaClosure, LuaUserdata, SPECIAL, typeName,
} from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { LuaThrow } from '../vm/errors.js';
import { LuaFloat } from '../vm/value.js';
import { callValue, EntryError, pushEntry, runEntry, stepGen } from '../vm/interp.js';
import { instructionCount } from '../vm/limits.js';
import { LuaThread } from '../vm/state.js';
import { AwaitRequest, InterruptSignal, SuspendSignal } from '../vm/suspend.js';
import type { Settled } from '../vm/suspend.js';
import { traceback } from '../vm/debuginfo.js';
import { argError, argTypeName, nativeError } from '../vm/auxlib.js';
import { createState, closeState, errorObjectMessage } from './runtime.js';
import type { StateOptions } from './runtime.js';
import { applyPolicy } from './policy.js';
import type { Policy } from './policy.js';
import { compileTextDetailed, mainClosure } from '../stdlib/load.js';
import { Proto } from '../vm/proto.js';
import { toJS, toLua, toLuaString, fromLuaString, numberToLua, luaStringToBytes } from './convert.js';
import type { ToJSOptions, ToLuaOptions } from './convert.js';
import {
  LuaRuntimeError, LuaSyntaxError, LuaAbortError, LuaLimitError, errorMessageOf,
} from './errors.js';
import { ChunkCache } from './cache.js';
import {
  makeGuard, enterGuard, leaveGuard, stopRun, settle, now, timeoutError, TIMED_OUT,
} from './guard.js';
import type { Guard, Limits } from './guard.js';
export type { Limits } from './guard.js';
import type { ChunkCacheOptions } from './cache.js';
import { ConversionError } from './convert.js';
import { StatePool, PoolAbortError } from './pool.js';
import type { PooledState, StatePoolOptions, ShutdownReport } from './pool.js';
import { MetricsRecorder, STAGE } from './metrics.js';
import type { EngineMetrics } from './metrics.js';
import { enableTier } from '../vm/jit.js';

// an engine runs hot functions in the compiling tier (the core entry, src/core.ts, has none)
enableTier();

export interface EngineOptions {
  /**
   * Where print and io.write go, as text (UTF-8 decoded). Default: process.stdout in Node,
   * console.log elsewhere. Output is also captured into each run's result.
   */
  stdout?: (text: string) => void;
  /** Where warnings and io.stderr go (default: process.stderr / console.error). */
  stderr?: (text: string) => void;
  /** How Lua values come back to JS (see convert.ts). */
  convert?: ToJSOptions;
  /**
   * Compiled chunks kept across runs (compile, run/runSync of source text, runFile): a
   * ChunkCache to share with other engines, options for a cache of this engine's own, or
   * false/absent for none (see src/engine/cache.ts).
   */
  cache?: ChunkCache | ChunkCacheOptions | false;
  /**
   * What the scripts can reach of the standard library: 'minimal', 'standard', 'strict',
   * 'full' (everything the `moonbox` command has) or a custom policy (see
   * src/engine/policy.ts and docs/sandbox.md). Default: 'standard'.
   */
  policy?: Policy;
  /** Limits of every run and call into Lua (a run's own `limits` are applied over these). */
  limits?: Limits;
  /**
   * Run every chunk on a state of a pool instead of the engine's own state: each run gets
   * a fresh environment over read-only views of the libraries, so nothing a run does to its
   * globals or to the libraries is seen by the next (see docs/sandbox.md, "Pooled engine").
   */
  pool?: EnginePoolOptions;
  /** how many recent samples per stage metrics() takes percentiles over (default 1024) */
  metricsSamples?: number;
  /**
   * Run hot Lua functions in the compiling tier (default true): they are translated to JS
   * and run by V8's optimising compiler, with the same results, errors, limits and
   * instruction counts. false keeps every run in the interpreter. The tier is off anyway
   * where `new Function` is not allowed (a Content Security Policy without 'unsafe-eval').
   */
  compilingTier?: boolean;
}

/**
 * The pool of a pooled engine: the StatePool options (sizes, idle timeout, health, init
 * script, modules, warm-up, debug, clock and timers; see src/engine/pool.ts) except how a
 * state is made, which the engine decides (createState with its stdout/stderr, its policy,
 * and the host functions, modules and bridges registered on it).
 */
export interface EnginePoolOptions extends Omit<StatePoolOptions, 'create' | 'stateOptions'> {
  /**
   * Give a state whose run was stopped by a limit or an abort back to the pool as a failed
   * run instead of closing it (default false: such a state is closed and replaced, since the
   * run was cut at an arbitrary instruction and may have left half-done whatever the init
   * script shares between runs).
   */
  reuseStopped?: boolean;
}

/** What `shutdown()` did. */
export interface EngineShutdownReport {
  /** states closed (a non-pooled engine's own state counts as one) */
  closed: number;
  /** runs still in flight at the deadline: they fail at their next step with an error
   *  saying the engine was closed, and a pooled state they hold is closed when they end */
  abandoned: number;
}


export interface RunOptions {
  /** chunk name for messages (default: "=run") */
  chunkname?: string;
  /** values passed as `...` to the chunk */
  args?: unknown[];
  /** globals set before the chunk runs */
  globals?: Record<string, unknown>;
  /** aborts the run (engine.run only); the waiting host call gets it as `this.signal` */
  signal?: AbortSignal;
  /** limits of this run, over the engine's */
  limits?: Limits;
}

export interface RunResult {
  /** every value the chunk returned, converted to JS */
  values: unknown[];
  /** what print/io.write wrote during this run */
  output: string;
  /** VM instructions executed by this run (library work charged included) */
  instructions: number;
  durationMs: number;
  /** the highest accounted heap of the state seen during the run, in bytes (measured when
   *  a memory limit is set, else 0) */
  memoryPeak: number;
}

/** Strings and numbers are their own message; other error objects may have a __tostring. */
function isPlainMessage(e: LuaValue): boolean {
  return typeof e === 'string' || typeof e === 'number' || typeof e === 'bigint' || e instanceof LuaFloat;
}

/** A chunk compiled once, runnable many times (`engine.run(chunk)`). */
export class CompiledChunk {
  /** @internal */
  readonly _proto: Proto;
  readonly chunkname: string;
  /** @internal */
  constructor(proto: Proto, chunkname: string) {
    this._proto = proto;
    this.chunkname = chunkname;
  }
}

/** Parameter types a host function signature can check. A trailing '?' makes it optional. */
export type ParamType = 'any' | 'nil' | 'boolean' | 'number' | 'integer' | 'string' | 'table' | 'function' | 'userdata';

export interface HostFunctionSignature {
  params?: (ParamType | `${ParamType}?`)[];
}

/** `this` inside a host function (declare `this: HostContext` to use it). */
export interface HostContext {
  /** the AbortSignal of the run that called it (engine.run's `signal` option), if any */
  readonly signal: AbortSignal | undefined;
}

const NO_SIGNAL: HostContext = Object.freeze({ signal: undefined });

export type HostFunction = (this: HostContext, ...args: any[]) => unknown;

/** A JS function made from a Lua function: `f(...)` gives its first result, `f.multi(...)` all. */
export interface LuaFunctionHandle {
  (...args: unknown[]): unknown;
  multi: (...args: unknown[]) => unknown[];
  /** run it as a run of its own, which may wait for host Promises: resolves with its first result */
  async: (...args: unknown[]) => Promise<unknown>;
  /** @internal the Lua function */
  readonly luaValue: LuaValue;
}

export interface BridgeSpec {
  /** method names callable from Lua as obj:name(...) */
  methods?: string[];
  /** property names readable from Lua (obj.name) */
  properties?: string[];
  /** properties Lua may assign */
  writable?: string[];
  /** called when the bridge is unregistered or the engine closes */
  cleanup?: () => void;
}

function defaultOut(): (s: string) => void {
  const p = (globalThis as any).process;
  if (p?.stdout?.write) return (s) => p.stdout.write(s);
  return (s) => console.log(s.endsWith('\n') ? s.slice(0, -1) : s);
}

function defaultErr(): (s: string) => void {
  const p = (globalThis as any).process;
  if (p?.stderr?.write) return (s) => p.stderr.write(s);
  return (s) => console.error(s.endsWith('\n') ? s.slice(0, -1) : s);
}

/** A pooled run while its code executes: Lua function handles made during it call back into its state. */
interface ActiveRun {
  readonly vm: LuaVM;
}

export class LuaEngine {
  /** the engine's own state; null for a pooled engine */
  private readonly state: LuaVM | null;
  private readonly convertOpts: ToJSOptions;
  /** how results of pooled runs are converted: a Lua function cannot leave its run */
  private readonly pooledConvertOpts: ToJSOptions;
  private readonly out: (text: string) => void;
  private captured: string[] | null = null;
  /** the AbortSignal of the run whose code is executing (host functions see it as this.signal) */
  private signal: AbortSignal | undefined = undefined;
  /** the pooled run whose code is executing (null between slices and on a non-pooled engine) */
  private activeRun: ActiveRun | null = null;

  /** no new run may start (shutdown began) */
  private closing = false;
  /** runs waiting for a host Promise fail when they resume */
  private closed = false;
  private shutdownPromise: Promise<EngineShutdownReport> | null = null;
  /** runs of the plain engine waiting for a host Promise: their thread, entry frame and the
   *  thread that waits (close() closes their pending <close> variables) */
  private readonly waiting = new Map<LuaThread, { eci: number; inner: LuaThread }>();
  /** runThread calls in flight, and what shutdown() waits on when that reaches 0 */
  private inFlight = 0;
  private onIdle: (() => void) | null = null;
  private readonly bridges = new Map<string, BridgeSpec>();
  private readonly fnCache = new WeakMap<object, LuaFunctionHandle>();
  private readonly luaOpts: ToLuaOptions;
  /** handles made by wrapLuaFunction (JS functions standing for Lua functions of the engine's state) */
  private readonly ownHandles = new WeakSet<object>();
  /** strings from Lua as bytes ({ bytes: true }) */
  private readonly bytes: boolean;
  /** the tracebacks of errors that reached each nested host entry (see callLua) */
  private readonly tracebacks: (string | null)[] = [];
  /** per nesting level: the message an error object's __tostring gave (see runtimeError) */
  private readonly objectMessages: (string | null)[] = [];
  private depth = 0;
  private readonly chunkCache: ChunkCache | null;
  /** the engine's limits (options.limits) */
  private readonly limits: Limits;
  private readonly limitsSet: boolean;
  private readonly rec: MetricsRecorder;

  // ---- pooled engines
  private readonly pool: StatePool | null = null;
  private readonly policy: Policy;
  private readonly stateOptions: StateOptions;
  private readonly reuseStopped: boolean = false;
  /** what every pooled state gets, by key ('global:x', 'module:x', 'bridge:x'), in order */
  private readonly installs = new Map<string, (vm: LuaVM) => void>();
  /** bumped by each registration; a state made before it is out of date */
  private generation = 0;
  private readonly stateGeneration = new WeakMap<LuaVM, number>();
  /** the state made by the constructor to check the policy: the pool's first state */
  private spare: LuaVM | null = null;
  /** the message handler of every host entry: records the traceback at the error point */
  private readonly onError = (L: LuaThread, e: LuaValue): LuaValue => {
    this.tracebacks[this.depth - 1] = traceback(L, null, 0);
    this.objectMessages[this.depth - 1] = isPlainMessage(e) ? null : errorObjectMessage(L, e);
    return e;
  };

  constructor(options: EngineOptions = {}) {
    this.out = options.stdout ?? defaultOut();
    const err = options.stderr ?? defaultErr();
    this.stateOptions = {
      stdout: (bytes) => {
        if (this.captured !== null) this.captured.push(bytes);
        this.out(fromLuaString(bytes));
      },
      stderr: (bytes) => err(fromLuaString(bytes)),
      compilingTier: options.compilingTier !== false,
    };
    this.policy = options.policy ?? 'standard';
    const po = options.pool;
    if (po !== undefined && po !== null) {
      // the policy is checked now (it throws on unknown names); that state is the pool's first
      this.spare = createState(this.stateOptions);
      applyPolicy(this.spare, this.policy, { readOnlyProxies: false });
      this.state = null;
      this.reuseStopped = po.reuseStopped === true;
      const { reuseStopped: _r, ...poolOpts } = po;
      this.pool = new StatePool({ ...poolOpts, create: () => this.makePooledState() });
    } else {
      this.state = createState(this.stateOptions);
      applyPolicy(this.state, this.policy);
    }
    this.convertOpts = { ...options.convert, wrapFunction: (f) => this.wrapLuaFunction(f) };
    this.pooledConvertOpts = { ...options.convert };
    this.bytes = this.convertOpts.bytes === true;
    // a handle of one of this engine's Lua functions goes back as that function (identity)
    this.luaOpts = {
      wrapFunction: (f, name) => (this.ownHandles.has(f) ? (f as LuaFunctionHandle).luaValue : this.hostFunction(f, name)),
    };
    this.limits = { ...options.limits };
    this.limitsSet = Object.values(this.limits).some((v) => v !== undefined);
    makeGuard(this.limits, this.limitsSet, undefined, undefined); // checks the values
    const c = options.cache;
    this.chunkCache = c instanceof ChunkCache ? c : c ? new ChunkCache(c) : null;
    this.rec = new MetricsRecorder(options.metricsSamples ?? 1024);
  }

  /** @internal the engine's own state (a pooled engine has none: each run takes one from the pool) */
  get vm(): LuaVM {
    const vm = this.state;
    if (vm === null) throw new Error('LuaEngine: a pooled engine has no state of its own');
    return vm;
  }

  /** The pool's create stage: a state with the policy applied and every registration installed. */
  private makePooledState(): LuaVM {
    let vm = this.spare;
    this.spare = null;
    if (vm === null) {
      vm = createState(this.stateOptions);
      applyPolicy(vm, this.policy, { readOnlyProxies: false });
    }
    for (const install of this.installs.values()) install(vm);
    this.stateGeneration.set(vm, this.generation);
    return vm;
  }

  // ---- running -------------------------------------------------------------------------

  /** Compile source text once; throws LuaSyntaxError. */
  compile(source: string, chunkname = '=run'): CompiledChunk {
    this.checkOpen();
    return this.compileBytes(toLuaString(source), chunkname);
  }

  /**
   * Compile a byte string (one char code per byte; through the chunk cache, if any); throws
   * LuaSyntaxError. For sources that are already bytes, such as files read as latin1.
   * @internal
   */
  compileBytes(text: string, chunkname: string): CompiledChunk {
    const build = (): Proto => {
      const p = compileTextDetailed(text, chunkname);
      if (!(p instanceof Proto)) throw new LuaSyntaxError(p.message, chunkname, p.column);
      return p;
    };
    const cache = this.chunkCache;
    return new CompiledChunk(cache !== null ? cache.getOrCompile(text, chunkname, 't', build) : build(), chunkname);
  }

  /** Check syntax without running: null when valid, else the error (line and message). */
  validate(source: string, chunkname = '=run'): LuaSyntaxError | null {
    this.checkOpen();
    const p = compileTextDetailed(toLuaString(source), chunkname);
    return p instanceof Proto ? null : new LuaSyntaxError(p.message, chunkname, p.column);
  }

  /**
   * Run a chunk to completion, synchronously. On a pooled engine it needs a state at once:
   * an idle one, or one made on the spot (when the pool has room and no async warm-up);
   * otherwise it throws (use run(), which waits for one).
   */
  runSync(source: string | CompiledChunk, options: RunOptions = {}): RunResult {
    this.checkOpen();
    if (this.pool !== null) return this.runSyncPooled(this.pool, source, options);
    const clock = new StageClock(this.rec);
    let error: unknown = null;
    let instructions = 0;
    let memory = 0;
    try {
      const chunk = typeof source === 'string' ? this.compile(source, options.chunkname) : source;
      if (options.globals) for (const [k, v] of Object.entries(options.globals)) this.set(k, v);
      const fn = mainClosure(this.vm, chunk._proto);
      const args = (options.args ?? []).map((a, i) => toLua(a, this.toLuaOpts(), `args[${i}]`));
      const t0 = clock.lap(STAGE.execute);
      const i0 = this.instructionCount();
      const prev = this.captured;
      const cap: string[] = [];
      this.captured = cap;
      const guard = makeGuard(this.limits, this.limitsSet, options.limits, undefined);
      let res: LuaValue[];
      try {
        res = this.callLua(fn, args, guard);
      } finally {
        this.captured = prev;
        if (prev !== null) prev.push(...cap);
        instructions = this.instructionCount() - i0;
        memory = guard !== null && guard.peak > 0 ? guard.peak : heapOf(this.vm);
      }
      clock.lap(STAGE.convert);
      const values = res.map((v, i) => toJS(v, this.convertOpts, `result[${i + 1}]`));
      const t2 = clock.lap(-1);
      return {
        values,
        output: fromLuaString(cap.join('')),
        instructions,
        durationMs: t2 - t0,
        memoryPeak: guard !== null ? guard.peak : 0,
      };
    } catch (e) {
      error = e;
      clock.lap(-1);
      throw e;
    } finally {
      clock.end(error, instructions, memory);
    }
  }

  /**
   * Run a chunk; resolves with its results. Host functions may return Promises: the script
   * waits for them (at any depth: inside pcall, metamethods, coroutines, iterators, sort
   * comparators, gsub callbacks), while other runs on the same engine go on. Each run has
   * its own Lua thread; `options.signal` aborts the run (rejecting with LuaAbortError) and
   * is given to the host call it waits for (`this.signal` in a host function).
   */
  async run(source: string | CompiledChunk, options: RunOptions = {}): Promise<RunResult> {
    this.checkOpen();
    if (this.pool !== null) return this.runPooled(this.pool, source, options);
    const clock = new StageClock(this.rec);
    const count: RunCount = { instructions: 0 };
    let error: unknown = null;
    let memory = 0;
    try {
      const chunk = typeof source === 'string' ? this.compile(source, options.chunkname) : source;
      if (options.globals) for (const [k, v] of Object.entries(options.globals)) this.set(k, v);
      const fn = mainClosure(this.vm, chunk._proto);
      const args = (options.args ?? []).map((a, i) => toLua(a, this.toLuaOpts(), `args[${i}]`));
      const t0 = clock.lap(STAGE.execute);
      const guard = makeGuard(this.limits, this.limitsSet, options.limits, options.signal);
      let r: { values: LuaValue[]; output: string[]; instructions: number };
      try {
        r = await this.runThread(this.vm, fn, args, options.signal, guard, null, count);
      } finally {
        memory = guard !== null && guard.peak > 0 ? guard.peak : heapOf(this.vm);
      }
      clock.lap(STAGE.convert);
      const values = r.values.map((v, i) => toJS(v, this.convertOpts, `result[${i + 1}]`));
      const t2 = clock.lap(-1);
      return {
        values,
        output: fromLuaString(r.output.join('')),
        instructions: r.instructions,
        durationMs: t2 - t0,
        memoryPeak: guard !== null ? guard.peak : 0,
      };
    } catch (e) {
      error = e;
      clock.lap(-1);
      throw e;
    } finally {
      clock.end(error, count.instructions, memory);
    }
  }

  // ---- the pooled pipeline -----------------------------------------------------------------

  /** run() on a pooled engine: compile, acquire, prepare, execute, convert, release. */
  private async runPooled(pool: StatePool, source: string | CompiledChunk, options: RunOptions): Promise<RunResult> {
    const clock = new StageClock(this.rec);
    const count: RunCount = { instructions: 0 };
    let error: unknown = null;
    let memory = 0;
    let state: PooledState | null = null;
    let t0 = 0;
    try {
      const chunk = typeof source === 'string' ? this.compile(source, options.chunkname) : source;
      const guard = makeGuard(this.limits, this.limitsSet, options.limits, options.signal);
      clock.lap(STAGE.acquire);
      state = await this.acquireState(pool, options.signal);
      clock.lap(STAGE.prepare);
      const vm = state.vm;
      const fn = this.prepareRun(pool, state, chunk, options);
      const args = (options.args ?? []).map((a, i) => toLua(a, this.luaOpts, `args[${i}]`));
      t0 = clock.lap(STAGE.execute);
      // the run's time starts now, not when it began waiting for a state
      if (guard !== null && guard.timeoutMs !== Infinity) guard.deadline = t0 + guard.timeoutMs;
      let r: { values: LuaValue[]; output: string[]; instructions: number };
      try {
        r = await this.runThread(vm, fn, args, options.signal, guard, { vm }, count);
      } finally {
        memory = guard !== null && guard.peak > 0 ? guard.peak : heapOf(vm);
      }
      const t1 = clock.lap(STAGE.convert);
      const values = r.values.map((v, i) => toJS(v, this.pooledConvertOpts, `result[${i + 1}]`));
      const t2 = clock.lap(STAGE.release);
      this.giveBack(pool, state, null, t1 - t0);
      clock.lap(-1);
      return {
        values,
        output: fromLuaString(r.output.join('')),
        instructions: r.instructions,
        durationMs: t2 - t0,
        memoryPeak: guard !== null ? guard.peak : 0,
      };
    } catch (e) {
      error = e;
      if (state !== null && clock.stage >= 0 && clock.stage !== STAGE.release) {
        // (the lap records the stage that failed)
        const t = clock.lap(STAGE.release);
        this.giveBack(pool, state, e, t0 > 0 ? t - t0 : 0);
      }
      clock.lap(-1);
      throw e;
    } finally {
      clock.end(error, count.instructions, memory);
    }
  }

  /** runSync() on a pooled engine: the same pipeline with a state it can have at once. */
  private runSyncPooled(pool: StatePool, source: string | CompiledChunk, options: RunOptions): RunResult {
    const clock = new StageClock(this.rec);
    let error: unknown = null;
    let instructions = 0;
    let memory = 0;
    let state: PooledState | null = null;
    let t0 = 0;
    try {
      const chunk = typeof source === 'string' ? this.compile(source, options.chunkname) : source;
      const guard = makeGuard(this.limits, this.limitsSet, options.limits, undefined);
      clock.lap(STAGE.acquire);
      state = this.tryAcquireState(pool);
      clock.lap(STAGE.prepare);
      const vm = state.vm;
      const fn = this.prepareRun(pool, state, chunk, options);
      const args = (options.args ?? []).map((a, i) => toLua(a, this.luaOpts, `args[${i}]`));
      t0 = clock.lap(STAGE.execute);
      if (guard !== null && guard.timeoutMs !== Infinity) guard.deadline = t0 + guard.timeoutMs;
      const i0 = instructionsOf(vm);
      const prev = this.captured;
      const prevRun = this.activeRun;
      const cap: string[] = [];
      this.captured = cap;
      this.activeRun = { vm };
      let res: LuaValue[];
      try {
        res = this.callLua(fn, args, guard, vm);
      } finally {
        this.activeRun = prevRun;
        this.captured = prev;
        if (prev !== null) prev.push(...cap);
        instructions = instructionsOf(vm) - i0;
        memory = guard !== null && guard.peak > 0 ? guard.peak : heapOf(vm);
      }
      const t1 = clock.lap(STAGE.convert);
      const values = res.map((v, i) => toJS(v, this.pooledConvertOpts, `result[${i + 1}]`));
      const t2 = clock.lap(STAGE.release);
      this.giveBack(pool, state, null, t1 - t0);
      clock.lap(-1);
      return {
        values,
        output: fromLuaString(cap.join('')),
        instructions,
        durationMs: t2 - t0,
        memoryPeak: guard !== null ? guard.peak : 0,
      };
    } catch (e) {
      error = e;
      if (state !== null && clock.stage >= 0 && clock.stage !== STAGE.release) {
        // (the lap records the stage that failed)
        const t = clock.lap(STAGE.release);
        this.giveBack(pool, state, e, t0 > 0 ? t - t0 : 0);
      }
      clock.lap(-1);
      throw e;
    } finally {
      clock.end(error, instructions, memory);
    }
  }

  /** A state of the current generation from the pool, waiting for one if need be. */
  private async acquireState(pool: StatePool, signal: AbortSignal | undefined): Promise<PooledState> {
    for (;;) {
      let s: PooledState;
      try {
        s = await pool.acquire(signal);
      } catch (e) {
        if (e instanceof PoolAbortError) throw new LuaAbortError('the run was aborted while waiting for a state');
        throw e;
      }
      if (this.stateGeneration.get(s.vm) === this.generation) return s;
      pool.discard(s);
    }
  }

  /** A state of the current generation at once, or an error saying why there is none. */
  private tryAcquireState(pool: StatePool): PooledState {
    for (;;) {
      const s = pool.tryAcquire();
      if (s === null) {
        throw new Error('LuaEngine.runSync: no state of the pool is free (runSync cannot wait for one: use run())');
      }
      if (this.stateGeneration.get(s.vm) === this.generation) return s;
      pool.discard(s);
    }
  }

  /** The main function of a pooled run: the chunk bound to a fresh _ENV holding the run's globals. */
  private prepareRun(pool: StatePool, state: PooledState, chunk: CompiledChunk, options: RunOptions): LuaClosure {
    const env = pool.prepareEnv(state);
    const g = options.globals;
    if (g) for (const k of Object.keys(g)) env.setStr(toLuaString(k), toLua(g[k], this.luaOpts, k));
    return pool.bind(chunk._proto, env);
  }

  /**
   * Back to the pool after a run. The state is released with the run's outcome (its health
   * counts failed and slow runs), except that it is closed instead (discarded) when
   *  - the run was stopped by a limit or an abort (unless `reuseStopped`): it was cut at an
   *    arbitrary instruction, perhaps inside code the init script shares between runs;
   *  - the run failed with an error that is not the script's (not a Lua error, a host
   *    function's own Error or a conversion error): something went wrong outside Lua;
   *  - a registration since the state was made left it out of date.
   */
  private giveBack(pool: StatePool, state: PooledState, error: unknown, durationMs: number): void {
    let discard = this.stateGeneration.get(state.vm) !== this.generation;
    if (!discard && error !== null) {
      if (error instanceof LuaLimitError || error instanceof LuaAbortError) discard = !this.reuseStopped;
      else discard = !(error instanceof LuaRuntimeError || error instanceof ConversionError
        || (error instanceof Error && (error as any)[HOST_ERROR] === true));
    }
    if (discard) pool.discard(state);
    else pool.release(state, { ok: error === null, durationMs });
  }

  /** Call a global function or Lua function handle as a run of its own: may wait for host Promises. */
  async callAsync(fn: string | LuaFunctionHandle, ...args: unknown[]): Promise<unknown[]> {
    this.checkOpen();
    this.notPooled('callAsync');
    const f = typeof fn === 'string' ? this.vm.globals.getStr(toLuaString(fn)) : fn.luaValue;
    const largs = args.map((a, i) => toLua(a, this.toLuaOpts(), `args[${i}]`));
    const r = await this.runThread(this.vm, f, largs, undefined, makeGuard(this.limits, this.limitsSet, undefined, undefined), null, null);
    return r.values.map((v, i) => toJS(v, this.convertOpts, `result[${i + 1}]`));
  }

  /**
   * Run fn(args) on a new Lua thread until it completes, suspending while a host Promise is
   * pending (see src/vm/suspend.ts). Output and instructions are counted for this run only,
   * also when other runs interleave with it (and added to `count` as they are executed, so
   * that a run that fails has them too). `run` is the pooled run it is, or null.
   */
  private async runThread(vm: LuaVM, fn: LuaValue, args: LuaValue[], signal: AbortSignal | undefined, guard: Guard | null, run: ActiveRun | null, count: RunCount | null): Promise<{ values: LuaValue[]; output: string[]; instructions: number }> {
    if (signal?.aborted) throw new LuaAbortError();
    let thread: LuaThread;
    if (run !== null && vm.current === vm.mainThread && vm.mainThread.ci === 0) {
      // a pooled state serves one run at a time: the run has the main thread to itself
      thread = vm.mainThread;
    } else {
      thread = new LuaThread(vm);
      thread.nyci = 1; // like the main thread: coroutine.yield has nowhere to go
    }
    let tb: string | null = null;
    let objectMessage: string | null = null;
    const entry = pushEntry(thread, fn, args, (L: LuaThread, e: LuaValue) => {
      tb = traceback(L, null, 0);
      objectMessage = isPlainMessage(e) ? null : errorObjectMessage(L, e);
      return e;
    });
    const eci = thread.ci;
    const output: string[] = [];
    let instructions = 0;
    let current = thread;
    let resume: (() => void) | null = null;
    vm.hostRoots.set(thread, (vm.hostRoots.get(thread) ?? 0) + 1);
    this.inFlight++;
    try {
      for (;;) {
        const prevCap = this.captured;
        const prevSignal = this.signal;
        const prevRun = this.activeRun;
        this.captured = output;
        this.signal = signal;
        this.activeRun = run;
        // limits, and the abort signal checked between instruction slices
        const saved = guard !== null ? enterGuard(guard, vm) : null;
        const i0 = instructionsOf(vm);
        let sus: SuspendSignal | null;
        try {
          sus = runEntry(vm, current, entry, args.length, resume);
        } catch (e) {
          if (e instanceof EntryError) throw this.runtimeError(e.value, tb, objectMessage);
          if (e instanceof InterruptSignal) throw stopRun(e, thread, eci);
          throw e;
        } finally {
          const n = instructionsOf(vm) - i0;
          instructions += n;
          if (count !== null) count.instructions += n;
          if (saved !== null) leaveGuard(guard!, saved, vm);
          this.captured = prevCap;
          this.signal = prevSignal;
          this.activeRun = prevRun;
        }
        if (sus === null) break;
        if (run === null) this.waiting.set(thread, { eci, inner: sus.thread });
        let settled: Settled | null | typeof TIMED_OUT;
        try {
          settled = await settle(sus.request.promise, signal, guard !== null ? guard.deadline : Infinity);
        } finally {
          this.waiting.delete(thread);
        }
        if (this.closed) throw new Error('LuaEngine: the engine was closed while a run was waiting');
        if (settled === null || settled === TIMED_OUT) {
          // stopped while waiting: the run's pending <close> variables are closed
          const sig = new InterruptSignal(settled === null ? new LuaAbortError() : timeoutError(guard!));
          sig.thread = sus.thread;
          throw stopRun(sig, thread, eci);
        }
        const t = sus.thread;
        const f = sus.frame;
        current = t;
        resume = () => stepGen(t, f, settled as unknown as LuaValue);
      }
      const values = entry.results!;
      entry.results = null;
      return { values, output, instructions };
    } finally {
      const c = vm.hostRoots.get(thread)! - 1;
      if (c === 0) vm.hostRoots.delete(thread);
      else vm.hostRoots.set(thread, c);
      if (--this.inFlight === 0 && this.onIdle !== null) this.onIdle();
    }
  }

  /** Call a global function by name, or a Lua function handle; gives its first result. */
  call(fn: string | LuaFunctionHandle, ...args: unknown[]): unknown {
    if (typeof fn === 'string') this.notPooled('call');
    const f = typeof fn === 'string' ? this.vm.globals.getStr(toLuaString(fn)) : fn.luaValue;
    return this.callFirst(f, args);
  }

  /** Like call, but gives every result. */
  callMulti(fn: string | LuaFunctionHandle, ...args: unknown[]): unknown[] {
    if (typeof fn === 'string') this.notPooled('callMulti');
    const f = typeof fn === 'string' ? this.vm.globals.getStr(toLuaString(fn)) : fn.luaValue;
    return this.callAll(f, args);
  }

  // ---- globals -------------------------------------------------------------------------

  /** A global, converted to JS (not on a pooled engine, which has no globals between runs). */
  get(name: string): unknown {
    this.checkOpen();
    this.notPooled('get');
    return toJS(this.vm.globals.getStr(toLuaString(name)), this.convertOpts, name);
  }

  /**
   * Set a global from a JS value (functions become host functions). On a pooled engine the
   * value is converted for each state the pool makes (every run sees it, read-only when it
   * is a table); for one run's own globals use the run's `globals` option.
   */
  set(name: string, value: unknown): void {
    this.checkOpen();
    const lname = toLuaString(name);
    const v = toLua(value, this.toLuaOpts(), name);
    if (this.pool !== null) {
      let first: LuaValue = v;
      this.install(`global:${lname}`, (vm) => {
        // the value converted above for the first state, a new conversion for the others
        vm.globals.setStr(lname, first !== undefined ? first : toLua(value, this.luaOpts, name));
        first = undefined;
      });
      return;
    }
    this.vm.globals.setStr(lname, v);
  }

  /** Expose a JS function as a global, optionally checking its arguments. */
  setGlobal(name: string, fn: HostFunction, signature?: HostFunctionSignature): void {
    this.checkOpen();
    const lname = toLuaString(name);
    const f = this.hostFunction(fn, name, signature);
    if (this.pool !== null) {
      this.install(`global:${lname}`, (vm) => vm.globals.setStr(lname, f));
      return;
    }
    this.vm.globals.setStr(lname, f);
  }

  /** Expose a table of JS functions as a module: a global and `require(name)`. */
  setModule(name: string, functions: Record<string, HostFunction>): void {
    this.checkOpen();
    const fns: [string, NativeFunction][] = [];
    for (const [k, f] of Object.entries(functions)) fns.push([toLuaString(k), this.hostFunction(f, k)]);
    const make = (): LuaTable => {
      const t = new LuaTable();
      for (const [k, f] of fns) t.setStr(k, f);
      return t;
    };
    const lname = toLuaString(name);
    if (this.pool !== null) {
      this.install(`module:${lname}`, (vm) => {
        const t = make();
        vm.globals.setStr(lname, t);
        vm.loaded.setStr(lname, t);
      });
      return;
    }
    const t = make();
    this.vm.globals.setStr(lname, t);
    this.vm.loaded.setStr(lname, t);
  }

  /**
   * Record what every pooled state gets (null: stop giving it). States made before are out
   * of date from now on: they are closed as they come back to the pool or are handed out.
   */
  private install(key: string, apply: ((vm: LuaVM) => void) | null): void {
    this.checkOpen();
    this.installs.delete(key);
    if (apply !== null) this.installs.set(key, apply);
    this.generation++;
  }

  // ---- bridges -------------------------------------------------------------------------

  /**
   * Expose a host object to Lua as userdata: only the listed methods and properties are
   * reachable (never constructor, __proto__ or the prototype chain). Available as a global
   * and through require(id).
   */
  registerBridge(id: string, target: object, spec: BridgeSpec): void {
    this.checkOpen();
    const methods = new Map<string, NativeFunction>();
    const props = new Set(spec.properties ?? []);
    const writable = new Set(spec.writable ?? []);
    for (const m of spec.methods ?? []) {
      const f = (target as any)[m];
      if (typeof f !== 'function') throw new TypeError(`registerBridge: ${id}.${m} is not a method`);
      methods.set(toLuaString(m), this.hostFunction((_self: unknown, ...args: unknown[]) => f.apply(target, args), m));
    }
    const name = toLuaString(id);
    const index = new NativeFunction('__index', (L, base) => {
      const k = L.stack[base + 1];
      if (typeof k === 'string') {
        const m = methods.get(k);
        if (m !== undefined) {
          L.stack[base] = m;
          return 1;
        }
        const jsk = fromLuaString(k);
        if (props.has(jsk)) {
          L.stack[base] = toLua((target as any)[jsk], this.toLuaOpts(), `${id}.${jsk}`);
          return 1;
        }
      }
      L.stack[base] = undefined;
      return 1;
    }, null, SPECIAL.NONE, null);
    const newindex = new NativeFunction('__newindex', (L, base) => {
      const k = L.stack[base + 1];
      const jsk = typeof k === 'string' ? fromLuaString(k) : null;
      if (jsk === null || !writable.has(jsk)) nativeError(L, `cannot assign to field '${typeof k === 'string' ? k : typeName(k)}' of ${name}`);
      (target as any)[jsk] = toJS(L.stack[base + 2], this.convertOpts, `${id}.${jsk}`);
      return 0;
    }, null, SPECIAL.NONE, null);
    const tostring = new NativeFunction('__tostring', (L, base) => {
      L.stack[base] = `${name}: ${L.vm.addressOf(target)}`;
      return 1;
    }, null, SPECIAL.NONE, null);
    // the userdata of one state (a pooled engine makes one per state; the functions are shared)
    const make = (): LuaUserdata => {
      const mt = new LuaTable();
      mt.setStr('__name', name);
      mt.setStr('__metatable', false);
      mt.setStr('__index', index);
      mt.setStr('__newindex', newindex);
      mt.setStr('__tostring', tostring);
      return new LuaUserdata(target, mt);
    };
    this.bridges.set(id, spec);
    if (this.pool !== null) {
      this.install(`bridge:${name}`, (vm) => {
        const ud = make();
        vm.globals.setStr(name, ud);
        vm.loaded.setStr(name, ud);
      });
      return;
    }
    const ud = make();
    this.vm.globals.setStr(name, ud);
    this.vm.loaded.setStr(name, ud);
  }

  /** Remove a bridge: the global and module go away and its cleanup runs. */
  unregisterBridge(id: string): void {
    const spec = this.bridges.get(id);
    if (spec === undefined) return;
    this.bridges.delete(id);
    const name = toLuaString(id);
    if (this.pool !== null) {
      if (!this.closing) this.install(`bridge:${name}`, null);
      spec.cleanup?.();
      return;
    }
    this.vm.globals.setStr(name, undefined);
    this.vm.loaded.setStr(name, undefined);
    spec.cleanup?.();
  }

  /**
   * Close the state: pending finalizers run, bridges are cleaned up, host references drop.
   * Runs waiting for a host Promise fail when it settles. On a pooled engine it shuts the
   * pool down without waiting: idle states are closed now, states in use when their runs
   * end (use shutdown() to let runs in flight finish first).
   */
  close(): void {
    if (this.closed) return;
    if (this.pool !== null) {
      this.closing = true;
      void this.pool.shutdown({ deadline: 0 });
      this.closed = true;
      for (const id of [...this.bridges.keys()]) this.unregisterBridge(id);
      return;
    }
    // runs waiting for a host Promise end here: their pending <close> variables are closed
    // (they reject when their Promise settles)
    for (const [thread, w] of [...this.waiting]) {
      const sig = new InterruptSignal(new Error('LuaEngine: the engine was closed while a run was waiting'));
      sig.thread = w.inner;
      stopRun(sig, thread, w.eci);
    }
    this.waiting.clear();
    closeState(this.vm);
    for (const id of [...this.bridges.keys()]) this.unregisterBridge(id);
    this.closing = true;
    this.closed = true;
  }

  /**
   * Stop taking runs, wait for the runs in flight to end (at most `deadline` ms; default no
   * limit), then close (see close()). On a pooled engine the pool shuts down: idle states
   * are closed at once and states in use as their runs end. Calling it again gives the same
   * report.
   */
  shutdown(options: { deadline?: number } = {}): Promise<EngineShutdownReport> {
    if (this.shutdownPromise !== null) return this.shutdownPromise;
    this.closing = true;
    const pool = this.pool;
    if (pool !== null) {
      this.shutdownPromise = pool.shutdown(options).then((r: ShutdownReport) => {
        this.close();
        return { closed: r.closed, abandoned: r.abandoned };
      });
      return this.shutdownPromise;
    }
    this.shutdownPromise = new Promise<EngineShutdownReport>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        this.onIdle = null;
        const abandoned = this.inFlight;
        const closed = this.closed ? 0 : 1;
        this.close();
        resolve({ closed, abandoned });
      };
      if (this.inFlight === 0 || this.closed) {
        finish();
        return;
      }
      this.onIdle = finish;
      const deadline = options.deadline ?? Infinity;
      if (Number.isFinite(deadline)) timer = setTimeout(finish, Math.max(0, deadline));
    });
    return this.shutdownPromise;
  }

  /** Figures of the runs so far (see src/engine/metrics.ts); with the cache's and the pool's. */
  metrics(): EngineMetrics {
    const m = this.rec.snapshot();
    if (this.chunkCache !== null) m.cache = this.chunkCache.stats();
    if (this.pool !== null) m.pool = this.pool.metrics();
    return m;
  }

  // ---- internals -----------------------------------------------------------------------

  /** @internal total instructions executed by the state */
  instructionCount(): number {
    return instructionsOf(this.vm);
  }

  private checkOpen(): void {
    if (this.closing) throw new Error(this.closed ? 'LuaEngine: the engine is closed' : 'LuaEngine: the engine is shutting down');
  }

  private notPooled(what: string): void {
    if (this.pool !== null) {
      throw new Error(`LuaEngine.${what}: not available on a pooled engine (each run has an environment of its own that ends with it)`);
    }
  }

  private toLuaOpts(): ToLuaOptions {
    return this.luaOpts;
  }

  /** JS arguments for Lua, converted in place (`args` is the caller's own rest array). */
  private argsToLua(args: unknown[]): LuaValue[] {
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      switch (typeof a) {
        case 'number': args[i] = numberToLua(a); break;
        case 'string': args[i] = toLuaString(a); break;
        case 'boolean': case 'undefined': break;
        default: args[i] = toLua(a, this.luaOpts, `args[${i}]`); break;
      }
    }
    return args as LuaValue[];
  }

  /** A result or argument from Lua, with the fast cases inline. */
  private valueToJS(v: LuaValue, what: string, i: number): unknown {
    if (typeof v === 'number' || typeof v === 'boolean' || v === undefined) return v;
    if (typeof v === 'string' && !this.bytes) return fromLuaString(v);
    return toJS(v, this.convertOpts, `${what}${i}]`);
  }

  /** Call a Lua value with JS arguments; its first result, converted. */
  private callFirst(f: LuaValue, args: unknown[], vm: LuaVM = this.vm): unknown {
    this.checkOpen();
    const res = this.callLua(f, this.argsToLua(args), undefined, vm);
    return res.length > 0 ? this.valueToJS(res[0], 'result[', 1) : undefined;
  }

  /** Call a Lua value with JS arguments; every result, converted. */
  private callAll(f: LuaValue, args: unknown[], vm: LuaVM = this.vm): unknown[] {
    this.checkOpen();
    const res = this.callLua(f, this.argsToLua(args), undefined, vm) as unknown[];
    for (let i = 0; i < res.length; i++) res[i] = this.valueToJS(res[i] as LuaValue, 'result[', i + 1);
    return res;
  }

  /** Call a Lua value in `vm`; errors become LuaRuntimeError (or the host's own Error). */
  private callLua(fn: LuaValue, args: LuaValue[], guard: Guard | null = this.limitsSet ? makeGuard(this.limits, this.limitsSet, undefined, undefined) : null, vm: LuaVM = this.vm): LuaValue[] {
    const level = this.depth++;
    this.tracebacks[level] = null;
    const L = vm.current;
    const eci = L.ci + 1;
    const saved = guard !== null ? enterGuard(guard, vm) : null;
    try {
      return callValue(vm, fn, args, this.onError);
    } catch (e) {
      if (e instanceof EntryError) throw this.runtimeError(e.value, this.tracebacks[level], this.objectMessages[level]);
      if (e instanceof InterruptSignal) throw stopRun(e, L, eci);
      throw e;
    } finally {
      if (saved !== null) leaveGuard(guard!, saved, vm);
      this.tracebacks[level] = null;
      this.objectMessages[level] = null;
      this.depth = level;
    }
  }

  /** objectMessage: what the error object's __tostring gave while it was raised */
  private runtimeError(v: LuaValue, tb: string | null, objectMessage: string | null = null): Error {
    // a JS Error thrown by a host function travels inside the Lua error value
    if (v instanceof LuaUserdata && v.value instanceof Error && (v.value as any)[HOST_ERROR] === true) {
      const err = v.value;
      if (tb !== null) (err as any).luaTraceback = tb;
      return err;
    }
    let value: unknown;
    try {
      // (a pooled run's error value cannot carry a function out of the run)
      value = toJS(v, this.pool !== null ? this.pooledConvertOpts : this.convertOpts, 'error');
    } catch {
      value = undefined;
    }
    return new LuaRuntimeError(objectMessage !== null ? fromLuaString(objectMessage) : errorMessageOf(v), value, tb);
  }

  /**
   * A Lua function for a JS function: arguments converted to JS, results back to Lua. The
   * common shapes (up to three arguments, one result, numbers/strings/booleans) take paths
   * that allocate nothing but what the conversion itself produces.
   */
  private hostFunction(fn: HostFunction, name: string, sig?: HostFunctionSignature): NativeFunction {
    const params = sig?.params;
    const engine = this;
    const cv = this.convertOpts;
    const bytes = this.bytes;
    // one argument to JS: the fast cases inline, tables and the rest through toJS
    const arg = (v: LuaValue, i: number): unknown => {
      switch (typeof v) {
        case 'number': case 'boolean': case 'undefined': return v;
        case 'string': return bytes ? luaStringToBytes(v) : fromLuaString(v);
        default: return toJS(v, cv, `argument #${i + 1}`);
      }
    };
    return new NativeFunction(name, (L, base, n) => {
      if (params !== undefined) checkParams(L, base, n, params);
      // (hostErrorValue keeps a nested run's limit or abort error uncatchable)
      const ctx: HostContext = engine.signal === undefined ? NO_SIGNAL : { signal: engine.signal };
      const s = L.stack;
      let r: unknown;
      // arguments are converted before the call: a conversion failure is not a host error
      switch (n) {
        case 0:
          try { r = fn.call(ctx); } catch (e) { throw new LuaThrow(hostErrorValue(e)); }
          break;
        case 1: {
          const a0 = arg(s[base], 0);
          try { r = fn.call(ctx, a0); } catch (e) { throw new LuaThrow(hostErrorValue(e)); }
          break;
        }
        case 2: {
          const a0 = arg(s[base], 0);
          const a1 = arg(s[base + 1], 1);
          try { r = fn.call(ctx, a0, a1); } catch (e) { throw new LuaThrow(hostErrorValue(e)); }
          break;
        }
        case 3: {
          const a0 = arg(s[base], 0);
          const a1 = arg(s[base + 1], 1);
          const a2 = arg(s[base + 2], 2);
          try { r = fn.call(ctx, a0, a1, a2); } catch (e) { throw new LuaThrow(hostErrorValue(e)); }
          break;
        }
        default: {
          const args: unknown[] = new Array(n);
          for (let i = 0; i < n; i++) args[i] = arg(s[base + i], i);
          try { r = fn.apply(ctx, args); } catch (e) { throw new LuaThrow(hostErrorValue(e)); }
          break;
        }
      }
      switch (typeof r) {
        case 'undefined': return 0;
        case 'number':
          L.ensureStack(base + 1);
          L.stack[base] = numberToLua(r);
          return 1;
        case 'string': case 'boolean':
          L.ensureStack(base + 1);
          L.stack[base] = typeof r === 'string' ? toLuaString(r) : r;
          return 1;
        default: break;
      }
      if (r !== null && typeof r === 'object' && typeof (r as any).then === 'function') {
        // the generator form waits for it (see src/vm/suspend.ts)
        L.vm.pendingAwait = r as PromiseLike<unknown>;
        return -1;
      }
      if (r instanceof MultiValue) {
        const vals = r.values;
        L.ensureStack(base + vals.length);
        for (let i = 0; i < vals.length; i++) L.stack[base + i] = toLua(vals[i], engine.luaOpts, `${name} result`);
        return vals.length;
      }
      const v = toLua(r, engine.luaOpts, `${name} result`);
      L.ensureStack(base + 1);
      L.stack[base] = v;
      return 1;
    }, function* (L: LuaThread, base: number): Generator<AwaitRequest, number, LuaValue> {
      const p = L.vm.pendingAwait!;
      L.vm.pendingAwait = null;
      const settled = (yield new AwaitRequest(p, name)) as unknown as Settled;
      if (!settled.ok) throw new LuaThrow(hostErrorValue(settled.value));
      return engine.pushResults(L, base, settled.value, name);
    }, SPECIAL.NONE, null);
  }

  /** Host function results (undefined: none; multi(...): several) to Lua at stack[base..]. */
  private pushResults(L: LuaThread, base: number, r: unknown, name: string): number {
    if (r === undefined) return 0;
    const vals = r instanceof MultiValue ? r.values : [r];
    L.ensureStack(base + vals.length);
    for (let i = 0; i < vals.length; i++) L.stack[base + i] = toLua(vals[i], this.luaOpts, `${name} result`);
    return vals.length;
  }

  private wrapLuaFunction(f: LuaValue): LuaFunctionHandle {
    if (this.pool !== null) return this.pooledHandle(f);
    const cached = this.fnCache.get(f as object);
    if (cached !== undefined) return cached;
    const engine = this;
    const handle = function (...args: unknown[]): unknown {
      return engine.callFirst(f, args);
    } as LuaFunctionHandle;
    Object.defineProperty(handle, 'luaValue', { value: f });
    handle.multi = (...args: unknown[]) => engine.callAll(f, args);
    handle.async = async (...args: unknown[]) => (await engine.callAsync(handle, ...args))[0];
    this.fnCache.set(f as object, handle);
    this.ownHandles.add(handle);
    return handle;
  }

  /**
   * A handle for a Lua function a pooled run passed to a host function: callable while
   * that run executes (from the host function, during the call), in the run's state. Once
   * the run goes on, or waits, the state may serve other code: the handle refuses.
   */
  private pooledHandle(f: LuaValue): LuaFunctionHandle {
    const run = this.activeRun;
    if (run === null) throw new Error('LuaEngine: a Lua function cannot leave a pooled run');
    const engine = this;
    const check = (): void => {
      if (engine.activeRun !== run) {
        throw new Error('LuaEngine: a Lua function of a pooled run can be called only during the host call it was passed to');
      }
    };
    const handle = function (...args: unknown[]): unknown {
      check();
      return engine.callFirst(f, args, run.vm);
    } as LuaFunctionHandle;
    Object.defineProperty(handle, 'luaValue', { value: f });
    handle.multi = (...args: unknown[]) => {
      check();
      return engine.callAll(f, args, run.vm);
    };
    handle.async = () => Promise.reject(new Error('LuaEngine: a Lua function of a pooled run cannot be run asynchronously'));
    return handle;
  }
}

/** Instructions executed so far by a state (the interpreter's slice counter included). */
function instructionsOf(vm: LuaVM): number {
  return vm.instructions + (vm.budgetChunk - vm.budget);
}

/** The accounted heap of a state now, in bytes. */
function heapOf(vm: LuaVM): number {
  return vm.gcestimate + vm.gcdebt;
}

/** Instructions of a run, added up as its slices execute. */
interface RunCount {
  instructions: number;
}

/**
 * Times the stages of one run with one clock reading per stage boundary. `stage` is the
 * stage under way (a STAGE number; -1 for none: between stages, or after the last);
 * `lap(next)` ends it, recording its duration, starts `next` and gives the time. A run
 * starts in the compile stage; one that fails ends with lap(-1), which records the stage it
 * failed in, so every stage a run reached has one sample.
 */
class StageClock {
  readonly start: number;
  t: number;
  stage: number = STAGE.compile;
  private readonly rec: MetricsRecorder;
  constructor(rec: MetricsRecorder) {
    this.rec = rec;
    rec.inFlight++;
    this.start = this.t = now();
  }

  lap(next: number): number {
    const t = now();
    if (this.stage >= 0) this.rec.stage(this.stage, t - this.t);
    this.t = t;
    this.stage = next;
    return t;
  }

  /** The run is over (the last lap taken). */
  end(error: unknown, instructions: number, memory: number): void {
    this.rec.end(error, instructions, memory, this.t - this.start);
  }
}

/** Return several values from a host function: `return multi(a, b)`. */
export class MultiValue {
  readonly values: unknown[];
  constructor(values: unknown[]) {
    this.values = values;
  }
}

export function multi(...values: unknown[]): MultiValue {
  return new MultiValue(values);
}

const HOST_ERROR = Symbol('moonbox.hostError');

/** The Lua error value for an exception thrown by a host function: the Error itself, as
 *  userdata whose tostring is its message (so pcall sees the message, and the host gets the
 *  original Error back). */
function hostErrorValue(e: unknown): LuaValue {
  if (e instanceof LuaThrow) return e.value;
  // a nested run stopped by a limit or an abort stops this one too: not a catchable error
  if (e instanceof LuaLimitError || e instanceof LuaAbortError) throw new InterruptSignal(e);
  if (e instanceof Error) {
    (e as any)[HOST_ERROR] = true;
    const mt = hostErrorMeta(e);
    return new LuaUserdata(e, mt);
  }
  return toLuaString(String(e));
}

function hostErrorMeta(e: Error): LuaTable {
  const mt = new LuaTable();
  mt.setStr('__name', 'Error');
  mt.setStr('__tostring', new NativeFunction('__tostring', (L, base) => {
    L.stack[base] = toLuaString(`${e.name}: ${e.message}`);
    return 1;
  }, null, SPECIAL.NONE, null));
  mt.setStr('__index', new NativeFunction('__index', (L, base) => {
    const k = L.stack[base + 1];
    L.stack[base] = k === 'message' ? toLuaString(e.message) : k === 'name' ? toLuaString(e.name) : undefined;
    return 1;
  }, null, SPECIAL.NONE, null));
  return mt;
}

function checkParams(L: LuaThread, base: number, n: number, params: string[]): void {
  for (let i = 0; i < params.length; i++) {
    let t = params[i];
    const optional = t.endsWith('?');
    if (optional) t = t.slice(0, -1);
    const v = i < n ? L.stack[base + i] : undefined;
    if (v === undefined && optional) continue;
    if (t === 'any') {
      if (i >= n) argError(L, i + 1, 'value expected');
      continue;
    }
    let ok: boolean;
    if (t === 'integer') ok = (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
    else ok = typeName(v) === t;
    if (!ok) argError(L, i + 1, `${t} expected, got ${argTypeName(L, n, i + 1, v)}`);
  }
}

export { LuaClosure };

