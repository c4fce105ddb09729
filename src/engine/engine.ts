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
import { callValue, EntryError, pushEntry, runEntry, stepGen } from '../vm/interp.js';
import { LuaThread } from '../vm/state.js';
import { AwaitRequest, InterruptSignal, SuspendSignal } from '../vm/suspend.js';
import type { Settled } from '../vm/suspend.js';
import { traceback } from '../vm/debuginfo.js';
import { argError, argTypeName, nativeError } from '../vm/auxlib.js';
import { createState, closeState } from './runtime.js';
import { compileTextDetailed, mainClosure } from '../stdlib/load.js';
import { Proto } from '../vm/proto.js';
import { toJS, toLua, toLuaString, fromLuaString, numberToLua, luaStringToBytes } from './convert.js';
import type { ToJSOptions, ToLuaOptions } from './convert.js';
import { LuaRuntimeError, LuaSyntaxError, LuaAbortError, errorMessageOf } from './errors.js';
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
}

export interface RunResult {
  /** every value the chunk returned, converted to JS */
  values: unknown[];
  /** what print/io.write wrote during this run */
  output: string;
  /** VM instructions executed by this run */
  instructions: number;
  durationMs: number;
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
    this.convertOpts = { ...options.convert, wrapFunction: (f) => this.wrapLuaFunction(f) };
    this.bytes = this.convertOpts.bytes === true;
    this.luaOpts = { wrapFunction: (f, name) => this.hostFunction(f, name) };
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
    try {
      const res = this.callLua(fn, args);
      return {
        values: res.map((v, i) => toJS(v, this.convertOpts, `result[${i + 1}]`)),
        output: fromLuaString(cap.join('')),
        instructions: this.instructionCount() - i0,
        durationMs: now() - t0,
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
    const r = await this.runThread(fn, args, options.signal);
    return {
      values: r.values.map((v, i) => toJS(v, this.convertOpts, `result[${i + 1}]`)),
      output: fromLuaString(r.output.join('')),
      instructions: r.instructions,
      durationMs: now() - t0,
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
    const r = await this.runThread(f, largs, undefined);
    return r.values.map((v, i) => toJS(v, this.convertOpts, `result[${i + 1}]`));
  }

  /**
   * Run fn(args) on a new Lua thread until it completes, suspending while a host Promise is
   * pending (see src/vm/suspend.ts). Output and instructions are counted for this run only,
   * also when other runs interleave with it.
   */
  private async runThread(fn: LuaValue, args: LuaValue[], signal: AbortSignal | undefined): Promise<{ values: LuaValue[]; output: string[]; instructions: number }> {
    const vm = this.vm;
    if (signal?.aborted) throw new LuaAbortError();
    const thread = new LuaThread(vm);
    thread.nyci = 1; // like the main thread: coroutine.yield has nowhere to go
    let tb: string | null = null;
    const entry = pushEntry(thread, fn, args, (L: LuaThread, e: LuaValue) => {
      tb = traceback(L, null, 0);
      return e;
    });
    const output: string[] = [];
    let instructions = 0;
    let current = thread;
    let resume: (() => void) | null = null;
    vm.hostRoots.set(thread, (vm.hostRoots.get(thread) ?? 0) + 1);
    try {
      for (;;) {
        const prevCap = this.captured;
        const prevSignal = this.signal;
        const prevOnBudget = vm.onBudget;
        this.captured = output;
        this.signal = signal;
        // between instruction slices (every few thousand instructions): has the run been aborted?
        if (signal !== undefined) vm.onBudget = () => {
          if (signal.aborted) throw new InterruptSignal(new LuaAbortError());
          if (prevOnBudget !== null) prevOnBudget(vm);
        };
        const i0 = this.instructionCount();
        let sus: SuspendSignal | null;
        try {
          sus = runEntry(vm, current, entry, args.length, resume);
        } catch (e) {
          if (e instanceof EntryError) throw this.runtimeError(e.value, tb);
          if (e instanceof InterruptSignal) throw e.error;
          throw e;
        } finally {
          vm.onBudget = prevOnBudget;
          instructions += this.instructionCount() - i0;
          this.captured = prevCap;
          this.signal = prevSignal;
        }
        if (sus === null) break;
        const settled = await settle(sus.request.promise, signal);
        if (this.closed) throw new Error('LuaEngine: the engine was closed while a run was waiting');
        if (settled === null) throw new LuaAbortError();
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
  private callLua(fn: LuaValue, args: LuaValue[]): LuaValue[] {
    const level = this.depth++;
    this.tracebacks[level] = null;
    try {
      return callValue(this.vm, fn, args, this.onError);
    } catch (e) {
      if (e instanceof EntryError) throw this.runtimeError(e.value, this.tracebacks[level]);
      throw e;
    } finally {
      this.tracebacks[level] = null;
      this.depth = level;
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

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

export { LuaClosure };

/** Wait for a host Promise; null when `signal` aborts first. */
function settle(p: PromiseLike<unknown>, signal: AbortSignal | undefined): Promise<Settled | null> {
  const outcome = Promise.resolve(p).then(
    (value): Settled => ({ ok: true, value }),
    (value): Settled => ({ ok: false, value }),
  );
  if (signal === undefined) return outcome;
  if (signal.aborted) return Promise.resolve(null);
  return new Promise((resolve) => {
    const onAbort = () => resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
    outcome.then((o) => {
      signal.removeEventListener('abort', onAbort);
      resolve(o);
    });
  });
}
