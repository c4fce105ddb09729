/**
 * LuaEngine: the embedding API. One engine owns one Lua state (globals, loaded modules,
 * bridges); it runs chunks, exchanges values with JS through the converters of convert.ts,
 * exposes host functions and bridged host objects, and reports errors as typed classes.
 */
import type { LuaVM, LuaThread } from '../vm/state.js';
import { LuaTable } from '../vm/table.js';
import {
  NativeFunction, LuaClosure, LuaUserdata, SPECIAL, typeName,
} from '../vm/value.js';
import type { LuaValue } from '../vm/value.js';
import { LuaThrow } from '../vm/errors.js';
import { callValue, EntryError } from '../vm/interp.js';
import { traceback } from '../vm/debuginfo.js';
import { argError, argTypeName, nativeError } from '../vm/auxlib.js';
import { createState, closeState } from './runtime.js';
import { compileTextDetailed, mainClosure } from '../stdlib/load.js';
import { Proto } from '../vm/proto.js';
import { toJS, toLua, toLuaString, fromLuaString } from './convert.js';
import type { ToJSOptions } from './convert.js';
import { LuaRuntimeError, LuaSyntaxError, errorMessageOf } from './errors.js';

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
}

export interface RunOptions {
  /** chunk name for messages (default: "=run") */
  chunkname?: string;
  /** values passed as `...` to the chunk */
  args?: unknown[];
  /** globals set before the chunk runs */
  globals?: Record<string, unknown>;
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

export type HostFunction = (...args: any[]) => unknown;

/** A JS function made from a Lua function: `f(...)` gives its first result, `f.multi(...)` all. */
export interface LuaFunctionHandle {
  (...args: unknown[]): unknown;
  multi: (...args: unknown[]) => unknown[];
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
  private closed = false;
  private readonly bridges = new Map<string, BridgeSpec>();
  private readonly fnCache = new WeakMap<object, LuaFunctionHandle>();

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
  }

  // ---- running -------------------------------------------------------------------------

  /** Compile source text once; throws LuaSyntaxError. */
  compile(source: string, chunkname = '=run'): CompiledChunk {
    const p = compileTextDetailed(toLuaString(source), chunkname);
    if (!(p instanceof Proto)) throw new LuaSyntaxError(p.message, chunkname, p.column);
    return new CompiledChunk(p, chunkname);
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

  /** Run a chunk; resolves with its results. */
  async run(source: string | CompiledChunk, options: RunOptions = {}): Promise<RunResult> {
    return this.runSync(source, options);
  }

  /** Call a global function by name, or a Lua function handle; gives its first result. */
  call(fn: string | LuaFunctionHandle, ...args: unknown[]): unknown {
    return this.callMulti(fn, ...args)[0];
  }

  /** Like call, but gives every result. */
  callMulti(fn: string | LuaFunctionHandle, ...args: unknown[]): unknown[] {
    this.checkOpen();
    const f = typeof fn === 'string' ? this.vm.globals.getStr(toLuaString(fn)) : fn.luaValue;
    const largs = args.map((a, i) => toLua(a, this.toLuaOpts(), `args[${i}]`));
    return this.callLua(f, largs).map((v, i) => toJS(v, this.convertOpts, `result[${i + 1}]`));
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

  private toLuaOpts() {
    return {
      wrapFunction: (f: HostFunction, name: string) => this.hostFunction(f, name),
    };
  }

  /** Call a Lua value; errors become LuaRuntimeError (or the host's own Error). */
  private callLua(fn: LuaValue, args: LuaValue[]): LuaValue[] {
    let tb: string | null = null;
    try {
      return callValue(this.vm, fn, args, (L: LuaThread, e: LuaValue) => {
        tb = traceback(L, null, 0);
        return e;
      });
    } catch (e) {
      if (e instanceof EntryError) throw this.runtimeError(e.value, tb);
      throw e;
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

  /** A Lua function for a JS function: arguments converted to JS, results back to Lua. */
  private hostFunction(fn: HostFunction, name: string, sig?: HostFunctionSignature): NativeFunction {
    const params = sig?.params;
    const engine = this;
    return new NativeFunction(name, (L, base, n) => {
      if (params !== undefined) checkParams(L, base, n, params);
      const args: unknown[] = new Array(n);
      for (let i = 0; i < n; i++) args[i] = toJS(L.stack[base + i], engine.convertOpts, `argument #${i + 1}`);
      let r: unknown;
      try {
        r = fn(...args);
      } catch (e) {
        throw new LuaThrow(hostErrorValue(e));
      }
      if (r !== null && typeof r === 'object' && typeof (r as any).then === 'function') {
        nativeError(L, `host function '${name}' returned a Promise: use engine.run, not runSync`);
      }
      if (r === undefined) return 0;
      const vals = r instanceof MultiValue ? r.values : [r];
      L.ensureStack(base + vals.length);
      for (let i = 0; i < vals.length; i++) L.stack[base + i] = toLua(vals[i], engine.toLuaOpts(), `${name} result`);
      return vals.length;
    }, null, SPECIAL.NONE, null);
  }

  private wrapLuaFunction(f: LuaValue): LuaFunctionHandle {
    const cached = this.fnCache.get(f as object);
    if (cached !== undefined) return cached;
    const engine = this;
    const handle = function (...args: unknown[]): unknown {
      return engine.callMulti(handle, ...args)[0];
    } as LuaFunctionHandle;
    Object.defineProperty(handle, 'luaValue', { value: f });
    handle.multi = (...args: unknown[]) => engine.callMulti(handle, ...args);
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
