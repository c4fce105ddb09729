/**
 * LuaEngine: the embedding API. One engine owns one Lua state (globals, loaded modules,
 * bridges); it runs chunks, exchanges values with JS through the converters of convert.ts,
 * exposes host functions and bridged host objects, and reports errors as typed classes.
 */
import type { LuaVM } from '../vm/state.js';
import { LuaTable } from '../vm/table.js';
import {
  NativeFunction, LuaClosure, LuaUserdata, SPECIAL, typeName,
} from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { LuaThrow } from '../vm/errors.js';
import { abandonEntry, callValue, EntryError, pushEntry, runEntry, stepGen } from '../vm/interp.js';
import { instructionCount, setInstructionLimit } from '../vm/limits.js';
import type { LimitKind } from '../vm/state.js';
import { getTM } from '../vm/meta.js';
import { LuaThread } from '../vm/state.js';
import { AwaitRequest, InterruptSignal, SuspendSignal } from '../vm/suspend.js';
import type { Settled } from '../vm/suspend.js';
import { traceback } from '../vm/debuginfo.js';
import { argError, argTypeName, nativeError } from '../vm/auxlib.js';
import { createState, closeState } from './runtime.js';
import { applyPolicy } from './policy.js';
import type { Policy } from './policy.js';
import { compileTextDetailed, mainClosure } from '../stdlib/load.js';
import { Proto } from '../vm/proto.js';
import { toJS, toLua, toLuaString, fromLuaString, numberToLua, luaStringToBytes } from './convert.js';
import type { ToJSOptions, ToLuaOptions } from './convert.js';
import {
  LuaRuntimeError, LuaSyntaxError, LuaAbortError, LuaLimitError, LuaInstructionLimitError,
  LuaMemoryLimitError, LuaTimeoutError, errorMessageOf,
} from './errors.js';
import { ChunkCache } from './cache.js';
import type { ChunkCacheOptions } from './cache.js';

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
}

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
const CLOSE_BUDGET = { instructions: 10000, ms: 20, memoryBytes: 1 << 20 };

/** The limits of one run (or call) in force, and what it has used. */
interface Guard {
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
interface SavedLimits {
  instructionLimit: number;
  memoryLimit: number;
  stringLimit: number;
  frameLimit: number;
  onBudget: LuaVM['onBudget'];
  peak: number;
  count: number;
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

export class LuaEngine {
  /** @internal */
  readonly vm: LuaVM;
  private readonly convertOpts: ToJSOptions;
  private readonly out: (text: string) => void;
  private captured: string[] | null = null;
  /** the AbortSignal of the run whose code is executing (host functions see it as this.signal) */
  private signal: AbortSignal | undefined = undefined;

  private closed = false;
  private readonly bridges = new Map<string, BridgeSpec>();
  private readonly fnCache = new WeakMap<object, LuaFunctionHandle>();
  private readonly luaOpts: ToLuaOptions;
  /** strings from Lua as bytes ({ bytes: true }) */
  private readonly bytes: boolean;
  /** the tracebacks of errors that reached each nested host entry (see callLua) */
  private readonly tracebacks: (string | null)[] = [];
  private depth = 0;
  private readonly chunkCache: ChunkCache | null;
  /** the engine's limits (options.limits) */
  private readonly limits: Limits;
  private readonly limitsSet: boolean;
  /** the message handler of every host entry: records the traceback at the error point */
  private readonly onError = (L: LuaThread, e: LuaValue): LuaValue => {
    this.tracebacks[this.depth - 1] = traceback(L, null, 0);
    return e;
  };

  constructor(options: EngineOptions = {}) {
    this.out = options.stdout ?? defaultOut();
    const err = options.stderr ?? defaultErr();
    this.vm = createState({
      stdout: (bytes) => {
        if (this.captured !== null) this.captured.push(bytes);
        this.out(fromLuaString(bytes));
      },
      stderr: (bytes) => err(fromLuaString(bytes)),
    });
    applyPolicy(this.vm, options.policy ?? 'standard');
    this.convertOpts = { ...options.convert, wrapFunction: (f) => this.wrapLuaFunction(f) };
    this.bytes = this.convertOpts.bytes === true;
    this.luaOpts = { wrapFunction: (f, name) => this.hostFunction(f, name) };
    this.limits = { ...options.limits };
    this.limitsSet = Object.values(this.limits).some((v) => v !== undefined);
    this.makeGuard(undefined, undefined); // checks the values
    const c = options.cache;
    this.chunkCache = c instanceof ChunkCache ? c : c ? new ChunkCache(c) : null;
  }

  // ---- running -------------------------------------------------------------------------

  /** Compile source text once; throws LuaSyntaxError. */
  compile(source: string, chunkname = '=run'): CompiledChunk {
    return this.compileBytes(toLuaString(source), chunkname);
  }

  /** Compile a byte string (through the chunk cache, if any); throws LuaSyntaxError. */
  private compileBytes(text: string, chunkname: string): CompiledChunk {
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
    const p = compileTextDetailed(toLuaString(source), chunkname);
    return p instanceof Proto ? null : new LuaSyntaxError(p.message, chunkname, p.column);
  }

  /** Run a chunk to completion, synchronously. */
  runSync(source: string | CompiledChunk, options: RunOptions = {}): RunResult {
    this.checkOpen();
    const chunk = typeof source === 'string' ? this.compile(source, options.chunkname) : source;
    if (options.globals) for (const [k, v] of Object.entries(options.globals)) this.set(k, v);
    const fn = mainClosure(this.vm, chunk._proto);
    const args = (options.args ?? []).map((a, i) => toLua(a, this.toLuaOpts(), `args[${i}]`));
    const t0 = now();
    const i0 = this.instructionCount();
    const prev = this.captured;
    const cap: string[] = [];
    this.captured = cap;
    const guard = this.makeGuard(options.limits, undefined);
    try {
      const res = this.callLua(fn, args, guard);
      return {
        values: res.map((v, i) => toJS(v, this.convertOpts, `result[${i + 1}]`)),
        output: fromLuaString(cap.join('')),
        instructions: this.instructionCount() - i0,
        durationMs: now() - t0,
        memoryPeak: guard !== null ? guard.peak : 0,
      };
    } finally {
      this.captured = prev;
      if (prev !== null) prev.push(...cap);
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
    const chunk = typeof source === 'string' ? this.compile(source, options.chunkname) : source;
    if (options.globals) for (const [k, v] of Object.entries(options.globals)) this.set(k, v);
    const fn = mainClosure(this.vm, chunk._proto);
    const args = (options.args ?? []).map((a, i) => toLua(a, this.toLuaOpts(), `args[${i}]`));
    const t0 = now();
    const guard = this.makeGuard(options.limits, options.signal);
    const r = await this.runThread(fn, args, options.signal, guard);
    return {
      values: r.values.map((v, i) => toJS(v, this.convertOpts, `result[${i + 1}]`)),
      output: fromLuaString(r.output.join('')),
      instructions: r.instructions,
      durationMs: now() - t0,
      memoryPeak: guard !== null ? guard.peak : 0,
    };
  }

  /**
   * Run a Lua file (Node, Deno, Bun: read with the runtime's file system; elsewhere it
   * rejects). The chunk is named `@path`, as the standalone interpreter names it.
   */
  async runFile(path: string, options: RunOptions = {}): Promise<RunResult> {
    this.checkOpen();
    // the specifier is not a literal, so browser bundles do not try to resolve it
    const fsName = 'node:fs/promises';
    let text: string;
    try {
      const fs = await import(/* @vite-ignore */ fsName);
      text = (await fs.readFile(path)).toString('latin1');
    } catch (e) {
      throw new Error(`cannot open ${path}${e instanceof Error ? ` (${e.message})` : ''}`);
    }
    if (text.startsWith('#')) text = text.replace(/^#[^\n]*/, ''); // skipped, keeping line numbers
    return this.run(this.compileBytes(text, '@' + path), options);
  }

  /** Call a global function or Lua function handle as a run of its own: may wait for host Promises. */
  async callAsync(fn: string | LuaFunctionHandle, ...args: unknown[]): Promise<unknown[]> {
    this.checkOpen();
    const f = typeof fn === 'string' ? this.vm.globals.getStr(toLuaString(fn)) : fn.luaValue;
    const largs = args.map((a, i) => toLua(a, this.toLuaOpts(), `args[${i}]`));
    const r = await this.runThread(f, largs, undefined, this.makeGuard(undefined, undefined));
    return r.values.map((v, i) => toJS(v, this.convertOpts, `result[${i + 1}]`));
  }

  /**
   * Run fn(args) on a new Lua thread until it completes, suspending while a host Promise is
   * pending (see src/vm/suspend.ts). Output and instructions are counted for this run only,
   * also when other runs interleave with it.
   */
  private async runThread(fn: LuaValue, args: LuaValue[], signal: AbortSignal | undefined, guard: Guard | null): Promise<{ values: LuaValue[]; output: string[]; instructions: number }> {
    const vm = this.vm;
    if (signal?.aborted) throw new LuaAbortError();
    const thread = new LuaThread(vm);
    thread.nyci = 1; // like the main thread: coroutine.yield has nowhere to go
    let tb: string | null = null;
    const entry = pushEntry(thread, fn, args, (L: LuaThread, e: LuaValue) => {
      tb = traceback(L, null, 0);
      return e;
    });
    const eci = thread.ci;
    const output: string[] = [];
    let instructions = 0;
    let current = thread;
    let resume: (() => void) | null = null;
    vm.hostRoots.set(thread, (vm.hostRoots.get(thread) ?? 0) + 1);
    try {
      for (;;) {
        const prevCap = this.captured;
        const prevSignal = this.signal;
        this.captured = output;
        this.signal = signal;
        // limits, and the abort signal checked between instruction slices
        const saved = guard !== null ? this.enterGuard(guard) : null;
        const i0 = this.instructionCount();
        let sus: SuspendSignal | null;
        try {
          sus = runEntry(vm, current, entry, args.length, resume);
        } catch (e) {
          if (e instanceof EntryError) throw this.runtimeError(e.value, tb);
          if (e instanceof InterruptSignal) throw this.stopped(e, thread, eci);
          throw e;
        } finally {
          instructions += this.instructionCount() - i0;
          if (saved !== null) this.leaveGuard(guard!, saved);
          this.captured = prevCap;
          this.signal = prevSignal;
        }
        if (sus === null) break;
        const settled = await settle(sus.request.promise, signal, guard !== null ? guard.deadline : Infinity);
        if (this.closed) throw new Error('LuaEngine: the engine was closed while a run was waiting');
        if (settled === null || settled === TIMED_OUT) {
          // stopped while waiting: the run's pending <close> variables are closed
          const sig = new InterruptSignal(settled === null ? new LuaAbortError() : timeoutError(guard!));
          sig.thread = sus.thread;
          throw this.stopped(sig, thread, eci);
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
    }
  }

  /** Call a global function by name, or a Lua function handle; gives its first result. */
  call(fn: string | LuaFunctionHandle, ...args: unknown[]): unknown {
    const f = typeof fn === 'string' ? this.vm.globals.getStr(toLuaString(fn)) : fn.luaValue;
    return this.callFirst(f, args);
  }

  /** Like call, but gives every result. */
  callMulti(fn: string | LuaFunctionHandle, ...args: unknown[]): unknown[] {
    const f = typeof fn === 'string' ? this.vm.globals.getStr(toLuaString(fn)) : fn.luaValue;
    return this.callAll(f, args);
  }

  // ---- globals -------------------------------------------------------------------------

  /** A global, converted to JS. */
  get(name: string): unknown {
    return toJS(this.vm.globals.getStr(toLuaString(name)), this.convertOpts, name);
  }

  /** Set a global from a JS value (functions become host functions). */
  set(name: string, value: unknown): void {
    this.vm.globals.setStr(toLuaString(name), toLua(value, this.toLuaOpts(), name));
  }

  /** Expose a JS function as a global, optionally checking its arguments. */
  setGlobal(name: string, fn: HostFunction, signature?: HostFunctionSignature): void {
    this.vm.globals.setStr(toLuaString(name), this.hostFunction(fn, name, signature));
  }

  /** Expose a table of JS functions as a module: a global and `require(name)`. */
  setModule(name: string, functions: Record<string, HostFunction>): void {
    const t = new LuaTable();
    for (const [k, f] of Object.entries(functions)) t.setStr(toLuaString(k), this.hostFunction(f, k));
    const lname = toLuaString(name);
    this.vm.globals.setStr(lname, t);
    this.vm.loaded.setStr(lname, t);
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
    const mt = new LuaTable();
    const name = toLuaString(id);
    mt.setStr('__name', name);
    mt.setStr('__metatable', false);
    mt.setStr('__index', new NativeFunction('__index', (L, base) => {
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
    }, null, SPECIAL.NONE, null));
    mt.setStr('__newindex', new NativeFunction('__newindex', (L, base) => {
      const k = L.stack[base + 1];
      const jsk = typeof k === 'string' ? fromLuaString(k) : null;
      if (jsk === null || !writable.has(jsk)) nativeError(L, `cannot assign to field '${typeof k === 'string' ? k : typeName(k)}' of ${name}`);
      (target as any)[jsk] = toJS(L.stack[base + 2], this.convertOpts, `${id}.${jsk}`);
      return 0;
    }, null, SPECIAL.NONE, null));
    mt.setStr('__tostring', new NativeFunction('__tostring', (L, base) => {
      L.stack[base] = `${name}: ${L.vm.addressOf(target)}`;
      return 1;
    }, null, SPECIAL.NONE, null));
    const ud = new LuaUserdata(target, mt);
    this.vm.globals.setStr(name, ud);
    this.vm.loaded.setStr(name, ud);
    this.bridges.set(id, spec);
  }

  /** Remove a bridge: the global and module go away and its cleanup runs. */
  unregisterBridge(id: string): void {
    const spec = this.bridges.get(id);
    if (spec === undefined) return;
    this.bridges.delete(id);
    const name = toLuaString(id);
    this.vm.globals.setStr(name, undefined);
    this.vm.loaded.setStr(name, undefined);
    spec.cleanup?.();
  }

  /** Close the state: pending finalizers run, bridges are cleaned up, host references drop. */
  close(): void {
    if (this.closed) return;
    closeState(this.vm);
    for (const id of [...this.bridges.keys()]) this.unregisterBridge(id);
    this.closed = true;
  }

  // ---- internals -----------------------------------------------------------------------

  /** @internal total instructions executed by the state */
  instructionCount(): number {
    const vm = this.vm;
    return vm.instructions + (vm.budgetChunk - vm.budget);
  }

  private checkOpen(): void {
    if (this.closed) throw new Error('LuaEngine: the engine is closed');
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
  private callFirst(f: LuaValue, args: unknown[]): unknown {
    this.checkOpen();
    const res = this.callLua(f, this.argsToLua(args));
    return res.length > 0 ? this.valueToJS(res[0], 'result[', 1) : undefined;
  }

  /** Call a Lua value with JS arguments; every result, converted. */
  private callAll(f: LuaValue, args: unknown[]): unknown[] {
    this.checkOpen();
    const res = this.callLua(f, this.argsToLua(args)) as unknown[];
    for (let i = 0; i < res.length; i++) res[i] = this.valueToJS(res[i] as LuaValue, 'result[', i + 1);
    return res;
  }

  /** Call a Lua value; errors become LuaRuntimeError (or the host's own Error). */
  private callLua(fn: LuaValue, args: LuaValue[], guard: Guard | null = this.limitsSet ? this.makeGuard(undefined, undefined) : null): LuaValue[] {
    const level = this.depth++;
    this.tracebacks[level] = null;
    const vm = this.vm;
    const L = vm.current;
    const eci = L.ci + 1;
    const saved = guard !== null ? this.enterGuard(guard) : null;
    try {
      return callValue(vm, fn, args, this.onError);
    } catch (e) {
      if (e instanceof EntryError) throw this.runtimeError(e.value, this.tracebacks[level]);
      if (e instanceof InterruptSignal) throw this.stopped(e, L, eci);
      throw e;
    } finally {
      if (saved !== null) this.leaveGuard(guard!, saved);
      this.tracebacks[level] = null;
      this.depth = level;
    }
  }

  // ---- limits ---------------------------------------------------------------------------

  /** The limits of a run: its own over the engine's; null when there are none at all. */
  private makeGuard(run: Limits | undefined, signal: AbortSignal | undefined): Guard | null {
    if (run === undefined && !this.limitsSet && signal === undefined) return null;
    const e = this.limits;
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
  private enterGuard(g: Guard): SavedLimits {
    const vm = this.vm;
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

  private leaveGuard(g: Guard, saved: SavedLimits): void {
    const vm = this.vm;
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
  private stopped(sig: InterruptSignal, L: LuaThread, eci: number): Error {
    const vm = this.vm;
    const prev = vm.current;
    const pending = abandonEntry(vm, L, eci, sig.thread ?? L);
    if (pending.length > 0) this.closePending(L, pending, sig.error);
    if (prev !== L && prev.status !== 3 /* CO_DEAD */) vm.current = prev;
    return sig.error;
  }

  private closePending(L: LuaThread, pending: LuaValue[], err: Error): void {
    const vm = this.vm;
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

  private runtimeError(v: LuaValue, tb: string | null): Error {
    // a JS Error thrown by a host function travels inside the Lua error value
    if (v instanceof LuaUserdata && v.value instanceof Error && (v.value as any)[HOST_ERROR] === true) {
      const err = v.value;
      if (tb !== null) (err as any).luaTraceback = tb;
      return err;
    }
    let value: unknown;
    try {
      value = toJS(v, this.convertOpts, 'error');
    } catch {
      value = undefined;
    }
    return new LuaRuntimeError(errorMessageOf(v), value, tb);
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
    return handle;
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

/** The typed error of a limit the VM reached (vm.limitError). */
function limitError(kind: LimitKind, detail: string, g: Guard): Error {
  switch (kind) {
    case 'instructions': return new LuaInstructionLimitError(`the run exceeded its limit of ${g.instructions} instructions`);
    case 'time': return timeoutError(g);
    case 'string': return new LuaMemoryLimitError(`the run exceeded its string limit: ${detail}`);
    default: return new LuaMemoryLimitError(`the run exceeded its memory limit of ${g.memoryBytes} bytes`);
  }
}

function timeoutError(g: Guard): LuaTimeoutError {
  return new LuaTimeoutError(`the run exceeded its time limit of ${g.timeoutMs} ms`);
}

/** settle's outcome when the run's deadline passed first */
const TIMED_OUT = Symbol('timed out');

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

export { LuaClosure };

/** Wait for a host Promise; null when `signal` aborts first, TIMED_OUT after `deadline`. */
function settle(p: PromiseLike<unknown>, signal: AbortSignal | undefined, deadline: number): Promise<Settled | null | typeof TIMED_OUT> {
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
