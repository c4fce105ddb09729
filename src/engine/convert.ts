/**
 * Converting values between JS and Lua. One module, one set of rules:
 *
 * JS -> Lua
 *   undefined, null          nil
 *   boolean                  boolean
 *   number                   integer when it is a safe integer (and not -0), else float
 *   bigint                   integer (an error outside 64 bits)
 *   string                   the string's UTF-8 bytes
 *   Uint8Array               a string of those bytes
 *   Array                    a sequence (element i at key i+1; holes become nil)
 *   Map                      a table with the converted keys and values
 *   Set                      a table mapping each converted element to true
 *   plain object             a table with the object's own enumerable string keys
 *   function                 a host function (arguments and results converted)
 *   other objects            userdata holding the object (Date, class instances: nothing of
 *                            them is reachable from Lua unless a bridge exposes it)
 *   Lua values (LuaTable...) themselves
 *
 * Lua -> JS
 *   nil                      undefined
 *   boolean                  boolean
 *   integer                  number when it is a safe integer, else bigint (no precision loss)
 *   float                    number
 *   string                   UTF-8 decoded string (invalid bytes become U+FFFD), or a
 *                            Uint8Array with { bytes: true }
 *   table                    an array when its keys are exactly 1..n; otherwise a plain object
 *                            when every key is a string or a number, else a Map (with
 *                            { maps: true } every table but sequences is a Map); an empty
 *                            table per { emptyTable }
 *   function                 a JS function calling it (first result; `.multi` gives all)
 *   userdata                 the host value it holds
 *   thread                   an error: cannot convert a thread
 *
 * Shared references keep their identity both ways (the same table twice gives the same JS
 * object twice, a cycle gives a cycle), unless { rejectCycles } asks for "circular reference
 * detected"; { maxDepth } bounds nesting ("maximum depth exceeded"). Failures are
 * ConversionError naming the path of the value (`result[3].name: cannot convert a thread`).
 */
import { LuaTable } from '../vm/table.js';
import {
  LuaFloat, LuaClosure, NativeFunction, LuaUserdata, MAXINT, MININT, normInt, nativeFn,
} from '../vm/value.js';
import type { LuaValue, NativeFn } from '../vm/value.js';
import { LuaThread } from '../vm/state.js';

/** A value that could not be converted; the message names where it was. */
export class ConversionError extends Error {
  readonly path: string;
  constructor(path: string, what: string) {
    super(`${path}: ${what}`);
    this.name = 'ConversionError';
    this.path = path;
  }
}

export interface ToJSOptions {
  /** strings as Uint8Array instead of decoded text */
  bytes?: boolean;
  /** every non-sequence table as a Map */
  maps?: boolean;
  /** what an empty table becomes (default 'object') */
  emptyTable?: 'object' | 'array';
  /** fail on cycles instead of reproducing them */
  rejectCycles?: boolean;
  /** deepest nesting converted (default 100) */
  maxDepth?: number;
  /** turns a Lua function into a JS function (set by the engine) */
  wrapFunction?: (fn: LuaValue) => unknown;
}

export interface ToLuaOptions {
  rejectCycles?: boolean;
  maxDepth?: number;
  /** turns a JS function into a Lua function (set by the engine) */
  wrapFunction?: (fn: (...args: any[]) => unknown, name: string) => LuaValue;
  /** turns objects that are not plain data (class instances, ...) into a Lua value; default: a
   *  userdata holding the object, which converts back to it */
  wrapObject?: (o: object) => LuaValue;
}

// ---- strings -----------------------------------------------------------------------------

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** JS string -> Lua byte string (UTF-8). */
export function toLuaString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) return bytesToLuaString(encoder.encode(s));
  }
  return s;
}

export function bytesToLuaString(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 8192) {
    out += String.fromCharCode.apply(null, b.subarray(i, i + 8192) as unknown as number[]);
  }
  return out;
}

/** Lua byte string -> its bytes. */
export function luaStringToBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** Lua byte string -> JS string (UTF-8 decoded; invalid sequences become U+FFFD). */
export function fromLuaString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) return decoder.decode(luaStringToBytes(s));
  }
  return s;
}

// ---- failures ----------------------------------------------------------------------------

/**
 * A failure inside a conversion. No path text is built while converting: each container a
 * failure passes through adds its segment (innermost first), and the entry point turns it
 * into a ConversionError naming the whole path.
 */
class Failure {
  readonly segs: string[] = [];
  constructor(readonly what: string) {}
}

/** Add a path segment to a failure passing through a container (other errors pass as they are). */
function via(e: unknown, seg: string): unknown {
  if (e instanceof Failure) e.segs.push(seg);
  return e;
}

function finish(e: unknown, path: string): unknown {
  if (!(e instanceof Failure)) return e;
  let p = path;
  for (let i = e.segs.length - 1; i >= 0; i--) p += e.segs[i];
  return new ConversionError(p, e.what);
}

// ---- JS -> Lua ---------------------------------------------------------------------------

function isPlainObject(o: object): boolean {
  const p = Object.getPrototypeOf(o);
  return p === Object.prototype || p === null;
}

/** A JS number as a Lua number: an integer when it is a safe integer (and not -0), else a float. */
export function numberToLua(v: number): LuaValue {
  if (Number.isInteger(v)) {
    if (v <= 9007199254740991 && v >= -9007199254740991 && (v !== 0 || 1 / v > 0)) return v;
    return new LuaFloat(v);
  }
  return v;
}

/** Convert a JS value to a Lua value. */
export function toLua(v: unknown, opts: ToLuaOptions = {}, path = 'value'): LuaValue {
  // primitives need no converter state
  switch (typeof v) {
    case 'undefined': return undefined;
    case 'boolean': return v;
    case 'number': return numberToLua(v);
    case 'string': return toLuaString(v);
    default: break;
  }
  try {
    return new ToLua(opts).convert(v, 0);
  } catch (e) {
    throw finish(e, path);
  }
}

/** Key sets shared by the tables of one conversion (rows of the same shape share one). */
interface Shape { keys: LuaValue[]; map: Map<LuaValue, number> }
/** At most this many shapes are remembered per conversion. */
const MAX_SHAPES = 64;

class ToLua {
  private readonly seen = new Map<object, LuaValue>();
  /** the last shape used, and the others by their keys joined with NUL */
  private lastShape: Shape | null = null;
  private shapes: Map<string, Shape> | null = null;
  /** containers being converted (only to reject cycles) */
  private readonly active: Set<object> | null;
  private readonly maxDepth: number;
  constructor(private readonly opts: ToLuaOptions) {
    this.maxDepth = opts.maxDepth ?? 100;
    this.active = opts.rejectCycles ? new Set() : null;
  }

  /** Give `t` the string keys `keys` (distinct) with values `vals`, sharing the key set
   *  with earlier tables of this conversion that have the same keys in the same order. */
  private initRecord(t: LuaTable, keys: string[], vals: LuaValue[]): void {
    const n = keys.length;
    if (n === 0) return;
    let sh = this.lastShape;
    if (sh !== null && sh.keys.length === n) {
      const sk = sh.keys;
      let i = 0;
      while (i < n && sk[i] === keys[i]) i++;
      if (i === n) {
        t.initShape(sh.map, sk, vals);
        return;
      }
    }
    const id = keys.join('\0');
    let shapes = this.shapes;
    if (shapes === null) this.shapes = shapes = new Map();
    sh = shapes.get(id) ?? null;
    if (sh === null) {
      const map = new Map<LuaValue, number>();
      for (let i = 0; i < n; i++) map.set(keys[i], i);
      sh = { keys, map };
      if (shapes.size < MAX_SHAPES) shapes.set(id, sh);
    }
    this.lastShape = sh;
    t.initShape(sh.map, sh.keys, vals);
  }

  convert(v: unknown, depth: number): LuaValue {
    switch (typeof v) {
      case 'undefined': return undefined;
      case 'boolean': return v;
      case 'number': return numberToLua(v);
      case 'bigint':
        if (v > MAXINT || v < MININT) throw new Failure('integer out of 64-bit range');
        return normInt(v);
      case 'string': return toLuaString(v);
      case 'function': {
        const w = this.opts.wrapFunction;
        if (w === undefined) throw new Failure('cannot convert a function');
        return w(v as (...args: any[]) => unknown, (v as { name?: string }).name || '?');
      }
      case 'symbol': throw new Failure('cannot convert a symbol');
      default: break;
    }
    if (v === null) return undefined;
    return this.object(v as object, depth);
  }

  private object(o: object, depth: number): LuaValue {
    if (o instanceof LuaTable || o instanceof LuaClosure || o instanceof NativeFunction
        || o instanceof LuaUserdata || o instanceof LuaThread || o instanceof LuaFloat) {
      return o;
    }
    if (o instanceof Uint8Array) return bytesToLuaString(o);
    const prev = this.seen.get(o);
    if (prev !== undefined) {
      if (this.active !== null && this.active.has(o)) throw new Failure('circular reference detected');
      return prev;
    }
    if (depth >= this.maxDepth) throw new Failure('maximum depth exceeded');
    const active = this.active;
    const d = depth + 1;
    if (Array.isArray(o)) {
      const t = new LuaTable();
      this.seen.set(o, t);
      if (active !== null) active.add(o);
      t.arr = this.elements(o, d);
      if (active !== null) active.delete(o);
      return t;
    }
    if (isPlainObject(o)) {
      const t = new LuaTable();
      this.seen.set(o, t);
      if (active !== null) active.add(o);
      const rec = o as Record<string, unknown>;
      // keys and values in arrays of their exact size (Object.keys gives a fresh array)
      const keys = Object.keys(rec);
      const vals: LuaValue[] = keys.slice();
      let w = 0;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        const val = rec[k];
        if (val === undefined) continue;
        let y: LuaValue;
        try {
          y = this.convert(val, d);
        } catch (e) {
          throw via(e, `.${k}`);
        }
        keys[w] = toLuaString(k);
        vals[w] = y;
        w++;
      }
      if (w < keys.length) {
        keys.length = w;
        vals.length = w;
      }
      this.initRecord(t, keys, vals);
      if (active !== null) active.delete(o);
      return t;
    }
    if (o instanceof Map) {
      const t = new LuaTable();
      this.seen.set(o, t);
      if (active !== null) active.add(o);
      for (const [k, val] of o) {
        let key: LuaValue;
        try {
          key = this.convert(k, d);
        } catch (e) {
          throw via(e, '.<key>');
        }
        if (key === undefined || (typeof key === 'number' && key !== key)) {
          throw via(new Failure('nil or NaN cannot be a table key'), '.<key>');
        }
        let y: LuaValue;
        try {
          y = this.convert(val, d);
        } catch (e) {
          throw via(e, `[${String(k)}]`);
        }
        t.set(key, y);
      }
      if (active !== null) active.delete(o);
      return t;
    }
    if (o instanceof Set) {
      const t = new LuaTable();
      this.seen.set(o, t);
      for (const k of o) {
        let key: LuaValue;
        try {
          key = this.convert(k, d);
        } catch (e) {
          throw via(e, '.<element>');
        }
        if (key === undefined || (typeof key === 'number' && key !== key)) continue;
        t.set(key, true);
      }
      return t;
    }
    const w = this.opts.wrapObject;
    const ud = w !== undefined ? w(o) : new LuaUserdata(o, null);
    this.seen.set(o, ud);
    return ud;
  }

  /**
   * The array part for a JS array: converted elements in a dense array of the exact size
   * (a copy converted in place when the array has no holes, else built by pushing, holes
   * becoming nil), without trailing nils.
   */
  private elements(o: unknown[], d: number): LuaValue[] {
    const n = o.length;
    let arr: LuaValue[];
    if (Object.getPrototypeOf(o) === Array.prototype) {
      arr = o.slice() as LuaValue[];
      for (let i = 0; i < n; i++) {
        const x = arr[i];
        if (x === undefined && !(i in o)) return this.elementsPushed(o, d);
        let y: LuaValue;
        try {
          y = this.convert(x, d);
        } catch (e) {
          throw via(e, `[${i}]`);
        }
        if (y !== x) arr[i] = y;
      }
    } else {
      return this.elementsPushed(o, d);
    }
    // trailing nils are not part of the sequence
    while (arr.length > 0 && arr[arr.length - 1] === undefined) arr.pop();
    return arr;
  }

  private elementsPushed(o: unknown[], d: number): LuaValue[] {
    const arr: LuaValue[] = [];
    for (let i = 0; i < o.length; i++) {
      let y: LuaValue;
      try {
        y = this.convert(o[i], d);
      } catch (e) {
        throw via(e, `[${i}]`);
      }
      arr.push(y);
    }
    while (arr.length > 0 && arr[arr.length - 1] === undefined) arr.pop();
    return arr;
  }
}

// ---- Lua -> JS ---------------------------------------------------------------------------

/** Convert a Lua value to a JS value. */
export function toJS(v: LuaValue, opts: ToJSOptions = {}, path = 'value'): unknown {
  // primitives need no converter state
  switch (typeof v) {
    case 'undefined': case 'boolean': case 'number': case 'bigint': return v;
    case 'string': return opts.bytes ? luaStringToBytes(v) : fromLuaString(v);
    default: break;
  }
  if (v instanceof LuaFloat) return v.n;
  try {
    return new ToJS(opts).convert(v, 0);
  } catch (e) {
    throw finish(e, path);
  }
}

const out2: LuaValue[] = [undefined, undefined];

class ToJS {
  private readonly seen = new Map<object, unknown>();
  /** tables being converted (only to reject cycles) */
  private readonly active: Set<object> | null;
  private readonly maxDepth: number;
  private readonly bytes: boolean;
  constructor(private readonly opts: ToJSOptions) {
    this.maxDepth = opts.maxDepth ?? 100;
    this.active = opts.rejectCycles ? new Set() : null;
    this.bytes = opts.bytes === true;
  }

  convert(v: LuaValue, depth: number): unknown {
    switch (typeof v) {
      case 'undefined': case 'boolean': case 'number': case 'bigint': return v;
      case 'string': return this.bytes ? luaStringToBytes(v) : fromLuaString(v);
      default: break;
    }
    if (v instanceof LuaTable) return this.table(v, depth);
    if (v instanceof LuaFloat) return v.n;
    if (v instanceof LuaClosure || v instanceof NativeFunction) {
      const w = this.opts.wrapFunction;
      if (w === undefined) throw new Failure('cannot convert a function');
      let f = this.seen.get(v);
      if (f === undefined) {
        f = w(v);
        this.seen.set(v, f);
      }
      return f;
    }
    if (v instanceof LuaUserdata) return v.value;
    if (v instanceof LuaThread) throw new Failure('cannot convert a thread');
    throw new Failure('cannot convert this value');
  }

  private table(t: LuaTable, depth: number): unknown {
    const prev = this.seen.get(t);
    if (prev !== undefined) {
      if (this.active !== null && this.active.has(t)) throw new Failure('circular reference detected');
      return prev;
    }
    if (depth >= this.maxDepth) throw new Failure('maximum depth exceeded');
    const active = this.active;
    const d = depth + 1;
    const tarr = t.arr;
    const n = t.length();
    let seqOnly = n > 0 && n === tarr.length && t.hashCount() === 0;
    if (seqOnly) {
      for (let i = 0; i < n; i++) if (tarr[i] === undefined) { seqOnly = false; break; }
    }
    if (seqOnly) {
      const a: unknown[] = new Array(n);
      this.seen.set(t, a);
      if (active !== null) active.add(t);
      for (let i = 0; i < n; i++) {
        try {
          a[i] = this.convert(tarr[i], d);
        } catch (e) {
          throw via(e, `[${i + 1}]`);
        }
      }
      if (active !== null) active.delete(t);
      return a;
    }
    // the common record: no array part, string keys only -> a plain object, read straight
    // from the hash slots
    if (tarr.length === 0 && !this.opts.maps) {
      const o = this.record(t, d);
      if (o !== null) return o;
    }
    // keys: all strings/numbers -> object, else Map
    let plain = !this.opts.maps;
    let count = 0;
    let p = t.nextFrom(0, out2);
    while (p !== 0) {
      count++;
      const k = out2[0];
      if (typeof k !== 'string' && typeof k !== 'number' && typeof k !== 'bigint' && !(k instanceof LuaFloat)) plain = false;
      p = t.nextFrom(p, out2);
    }
    if (count === 0) {
      const e = this.opts.emptyTable === 'array' ? [] : {};
      this.seen.set(t, e);
      return e;
    }
    if (active !== null) active.add(t);
    if (plain) {
      const o: Record<string, unknown> = {};
      this.seen.set(t, o);
      let q = t.nextFrom(0, out2);
      while (q !== 0) {
        const k = out2[0];
        const val = out2[1];
        const key = typeof k === 'string' ? fromLuaString(k) : String(k instanceof LuaFloat ? k.n : k);
        let x: unknown;
        try {
          x = this.convert(val, d);
        } catch (e) {
          throw via(e, `.${key}`);
        }
        if (key === '__proto__') {
          Object.defineProperty(o, key, { value: x, enumerable: true, writable: true, configurable: true });
        } else {
          o[key] = x;
        }
        // only now: converting a nested table reuses out2
        q = t.nextFrom(q, out2);
      }
      if (active !== null) active.delete(t);
      return o;
    }
    const m = new Map<unknown, unknown>();
    this.seen.set(t, m);
    const entries: [LuaValue, LuaValue][] = [];
    let q = t.nextFrom(0, out2);
    while (q !== 0) {
      entries.push([out2[0], out2[1]]);
      q = t.nextFrom(q, out2);
    }
    for (const [k, val] of entries) {
      let key: unknown;
      try {
        key = this.convert(k, d);
      } catch (e) {
        throw via(e, '.<key>');
      }
      let x: unknown;
      try {
        x = this.convert(val, d);
      } catch (e) {
        throw via(e, `[${typeof k === 'string' ? fromLuaString(k) : String(k)}]`);
      }
      m.set(key, x);
    }
    if (active !== null) active.delete(t);
    return m;
  }

  /** A table whose hash part has only string keys (and no array part) as a plain object;
   *  null when some key is not a string or the table is empty. */
  private record(t: LuaTable, d: number): Record<string, unknown> | null {
    const hk = t.hkeys;
    const hv = t.hvals;
    const n = hk.length;
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (hv[i] === undefined) continue;
      if (typeof hk[i] !== 'string') return null;
      count++;
    }
    if (count === 0) return null;
    const o: Record<string, unknown> = {};
    this.seen.set(t, o);
    const active = this.active;
    if (active !== null) active.add(t);
    for (let i = 0; i < n; i++) {
      const val = hv[i];
      if (val === undefined) continue;
      const key = fromLuaString(hk[i] as string);
      let x: unknown;
      try {
        x = this.convert(val, d);
      } catch (e) {
        throw via(e, `.${key}`);
      }
      if (key === '__proto__') {
        Object.defineProperty(o, key, { value: x, enumerable: true, writable: true, configurable: true });
      } else {
        o[key] = x;
      }
    }
    if (active !== null) active.delete(t);
    return o;
  }
}

export { nativeFn };
export type { NativeFn };
