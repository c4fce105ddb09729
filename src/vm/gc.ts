/**
 * Collection points: tracing the live Lua heap from the VM's roots (manual §2.5).
 *
 * JS owns the memory, so moonbox never frees anything itself; what it needs from a collector
 * is Lua's observable semantics and a measure of the live heap:
 * - the size of what is reachable (collectgarbage("count"), memory limits, metrics);
 * - weak tables (__mode "k", "v", "kv"; ephemerons for weak keys) lose the entries whose
 *   weak part is unreachable at a collection;
 * - objects marked for finalization (a metatable with __gc when setmetatable ran) that became
 *   unreachable are resurrected and queued, in reverse order of marking, for their __gc call.
 *
 * Roots: the globals and registry, the metatables of basic types, every thread reachable from
 * them plus the running one (their live stack slots, frames, open upvalues), objects the host
 * holds (vm.hostRoots), and the objects already queued for finalization.
 */
import { LuaTable } from './table.js';
import { LuaClosure, NativeFunction, LuaUserdata, UpVal } from './value.js';
import type { LuaValue } from './value.js';
import { LuaThread, FRAME_LUA } from './state.js';
import type { LuaVM } from './state.js';

/** Approximate sizes in bytes (the same order as the reference interpreter's objects). */
const SIZE_TABLE = 56;
const SIZE_ARRAY_SLOT = 16;
const SIZE_HASH_SLOT = 32;
const SIZE_CLOSURE = 32;
const SIZE_UPVAL = 40;
const SIZE_PROTO = 120;
/** a thread: its objects, 64 stack slots and 8 frames allocated up front (lua5.4 counts
 *  about 930 bytes for a new coroutine) */
const SIZE_THREAD = 1000;
const SIZE_STACK_SLOT = 16;
const SIZE_USERDATA = 40;
const SIZE_STRING = 24;

interface WeakEntry {
  t: LuaTable;
  weakK: boolean;
  weakV: boolean;
}

function isCollectable(v: LuaValue): boolean {
  return v instanceof LuaTable || v instanceof LuaClosure || v instanceof NativeFunction
    || v instanceof LuaUserdata || v instanceof LuaThread;
}

/** Collections so far, process-wide: a table's gcmark holds the number of the last one that
 *  marked it. Numbers never repeat and a collection runs to its end before another starts,
 *  so a mark left by an earlier collection (of any state) never counts. */
let collections = 0;

class Marker {
  /** marked objects other than tables (tables carry the collection's number in gcmark) */
  private readonly marked = new Set<object>();
  /** this collection's number: a table is marked when its gcmark equals it */
  private readonly epoch: number;
  /** the distinct strings marked so far (null: each reference to a string counts) */
  readonly strings: Set<string> | null;
  readonly gray: object[] = [];
  readonly weak: WeakEntry[] = [];
  bytes = 0;

  constructor(readonly vm: LuaVM, exactStrings: boolean) {
    this.epoch = ++collections;
    this.strings = exactStrings ? new Set() : null;
  }

  isMarked(o: object): boolean {
    return o instanceof LuaTable ? o.gcmark === this.epoch : this.marked.has(o);
  }

  mark(v: LuaValue): void {
    if (typeof v === 'string') {
      const strings = this.strings;
      if (strings === null) {
        this.bytes += SIZE_STRING + v.length;
      } else if (!strings.has(v)) {
        strings.add(v);
        this.bytes += SIZE_STRING + v.length;
      }
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (v instanceof LuaTable) {
      if (v.gcmark === this.epoch) return;
      v.gcmark = this.epoch;
      this.gray.push(v);
      return;
    }
    if (!isCollectable(v) && !(v instanceof UpVal)) return;
    if (this.marked.has(v)) return;
    this.marked.add(v);
    this.gray.push(v);
  }

  /** Mark everything reachable from the gray list. */
  propagate(): void {
    const gray = this.gray;
    while (gray.length > 0) {
      const o = gray.pop()!;
      if (o instanceof LuaTable) this.traverseTable(o);
      else if (o instanceof LuaClosure) {
        this.bytes += SIZE_CLOSURE + 8 * o.upvals.length;
        for (const uv of o.upvals) this.mark(uv);
        this.markProto(o.proto);
      } else if (o instanceof UpVal) {
        this.bytes += SIZE_UPVAL;
        this.mark(o.arr[o.idx]);
      } else if (o instanceof NativeFunction) {
        this.bytes += SIZE_CLOSURE;
        const d = o.data;
        if (d !== null && d !== undefined) {
          if (Array.isArray(d)) for (const x of d) this.mark(x);
          else this.mark(d);
        }
      } else if (o instanceof LuaUserdata) {
        this.bytes += SIZE_USERDATA;
        if (o.metatable !== null) this.mark(o.metatable);
        for (const x of o.uservalues) this.mark(x);
      } else if (o instanceof LuaThread) {
        this.traverseThread(o);
      }
    }
  }

  private protos = new Set<object>();
  private markProto(p: any): void {
    if (this.protos.has(p)) return;
    this.protos.add(p);
    this.bytes += SIZE_PROTO + p.code.length * 8;
    for (const k of p.k) if (typeof k === 'string') this.mark(k);
    for (const c of p.p) this.markProto(c);
  }

  private traverseTable(t: LuaTable): void {
    this.bytes += SIZE_TABLE + t.arr.length * SIZE_ARRAY_SLOT + t.hkeys.length * SIZE_HASH_SLOT;
    const mt = t.metatable;
    let weakK = false;
    let weakV = false;
    if (mt !== null) {
      this.mark(mt);
      const mode = mt.getStr('__mode');
      if (typeof mode === 'string') {
        weakK = mode.includes('k');
        weakV = mode.includes('v');
      }
    }
    if (weakK || weakV) {
      this.weak.push({ t, weakK, weakV });
      if (!weakV) {
        for (const v of t.arr) this.mark(v);
      }
      // weak keys: values are marked later, only for marked keys (ephemerons)
      if (!weakK && !weakV) return;
      if (!weakK) {
        for (let i = 0; i < t.hkeys.length; i++) if (t.hvals[i] !== undefined) this.mark(t.hkeys[i]);
      } else if (!weakV) {
        for (let i = 0; i < t.hkeys.length; i++) {
          const k = t.hkeys[i];
          if (t.hvals[i] !== undefined && !isCollectable(k)) this.mark(t.hvals[i]);
          if (typeof k === 'string') this.mark(k);
        }
      }
      return;
    }
    for (const v of t.arr) this.mark(v);
    const keys = t.hkeys;
    const vals = t.hvals;
    for (let i = 0; i < keys.length; i++) {
      if (vals[i] !== undefined) {
        this.mark(keys[i]);
        this.mark(vals[i]);
      }
    }
  }

  private traverseThread(L: LuaThread): void {
    const top = liveTop(L);
    this.bytes += SIZE_THREAD + top * SIZE_STACK_SLOT;
    const s = L.stack;
    // each frame's live slots: a caller's up to its callee's function slot; the running Lua
    // function's up to the registers in use at its pc (stale temporaries are not roots)
    let from = 0;
    for (let ci = 1; ci <= L.ci; ci++) {
      const f = L.frames[ci];
      const end = Math.min(f.func, top);
      for (let i = from; i < end; i++) this.mark(s[i]);
      from = Math.max(from, f.func);
    }
    const tf = L.frames[L.ci];
    let end = top;
    if (tf.kind === FRAME_LUA && tf.closure !== null) {
      const lr = tf.closure.proto.liveRegs;
      if (lr !== null && tf.pc < lr.length) end = Math.min(top, tf.base + lr[tf.pc]);
    }
    for (let i = from; i < end; i++) this.mark(s[i]);
    // stale slots above the live part would keep dead objects alive for the host's GC
    for (let i = top; i < s.length; i++) s[i] = undefined;
    for (let ci = 0; ci <= L.ci; ci++) {
      const f = L.frames[ci];
      if (f.closure !== null) this.mark(f.closure);
      if (f.native !== null) this.mark(f.native);
      this.mark(f.handler);
      this.mark(f.errValue);
    }
    for (let uv = L.openupval; uv !== null; uv = uv.next) this.mark(uv);
    this.mark(L.body);
    this.mark(L.errValue);
    this.mark(L.hook);
    if (L.resumer !== null) this.mark(L.resumer);
  }

  /** Ephemerons: mark values of weak-key tables whose keys are marked, to a fixpoint. */
  convergeEphemerons(): void {
    for (;;) {
      let changed = false;
      for (const w of this.weak) {
        if (!w.weakK || w.weakV) continue;
        const t = w.t;
        for (let i = 0; i < t.hkeys.length; i++) {
          const k = t.hkeys[i];
          const v = t.hvals[i];
          if (v === undefined || !isCollectable(k)) continue;
          if (this.isMarked(k) && isCollectable(v) && !this.isMarked(v)) {
            this.mark(v);
            changed = true;
          } else if (this.isMarked(k) && typeof v === 'string') {
            this.mark(v);
          }
        }
      }
      this.propagate();
      if (!changed) return;
    }
  }

  isDead(v: LuaValue): boolean {
    return isCollectable(v) && !this.isMarked(v as object);
  }

  /** Remove entries of weak tables whose weak key or value is dead. */
  clearWeak(onlyValues: boolean): void {
    for (const w of this.weak) {
      const t = w.t;
      if (w.weakV) {
        const arr = t.arr;
        for (let i = 0; i < arr.length; i++) if (this.isDead(arr[i])) arr[i] = undefined;
      }
      for (let i = 0; i < t.hkeys.length; i++) {
        const v = t.hvals[i];
        if (v === undefined) continue;
        if ((w.weakV && this.isDead(v)) || (!onlyValues && w.weakK && this.isDead(t.hkeys[i]))) {
          t.set(t.hkeys[i], undefined);
        } else if (!onlyValues) {
          // strings are values, never cleared: the surviving ones count as live memory
          this.mark(t.hkeys[i]);
          if (typeof v === 'string') this.mark(v);
        }
      }
    }
  }
}

/**
 * First stack slot of L that is dead (as the reference collector sees it, the live part of a
 * stack ends at the top of its innermost frame: a native's arguments, or a Lua function's
 * registers; slots above are stale temporaries).
 */
function liveTop(L: LuaThread): number {
  const f = L.frames[L.ci];
  const top = f.kind === FRAME_LUA && f.closure !== null ? f.base + f.closure.proto.maxstack : f.top;
  return Math.min(Math.max(top, 0), L.stack.length);
}

/**
 * A full collection: trace, clear weak tables, queue unreachable finalizable objects on
 * vm.tobefnz (resurrected), and return the live size in bytes. With exactStrings false a
 * string counts at every reference to it instead of once (an upper bound of the live size):
 * finding the distinct strings costs a Set insertion each, most of a collection's time on a
 * heap of many strings (three collections were 16 % of string-build).
 */
export function fullCollection(vm: LuaVM, exactStrings = true): number {
  const m = new Marker(vm, exactStrings);
  m.mark(vm.globals);
  m.mark(vm.registry);
  m.mark(vm.loaded);
  if (vm.stringMeta !== null) m.mark(vm.stringMeta);
  for (const mt of vm.typeMeta.values()) m.mark(mt);
  m.mark(vm.mainThread);
  m.mark(vm.current);
  for (const o of vm.hostRoots.keys()) m.mark(o);
  for (const o of vm.tobefnz) m.mark(o);
  m.propagate();
  m.convergeEphemerons();
  // weak values are cleared before resurrection, weak keys after (manual §2.5.4)
  m.clearWeak(true);
  const finobj = vm.finobj;
  const dying: object[] = [];
  const keep: object[] = [];
  for (const o of finobj) {
    if (m.isMarked(o)) keep.push(o);
    else dying.push(o);
  }
  if (dying.length > 0) {
    vm.finobj = keep;
    // finalizers run in reverse order of marking
    for (let i = dying.length - 1; i >= 0; i--) {
      vm.tobefnz.push(dying[i]);
      m.mark(dying[i]);
    }
    m.propagate();
    m.convergeEphemerons();
  }
  m.clearWeak(false);
  vm.gcobservable = m.weak.length > 0 || vm.finobj.length > 0 || vm.tobefnz.length > 0;
  vm.gcestimate = m.bytes;
  vm.gcdebt = 0;
  // the next automatic collection comes after allocating pause% of the live size (§2.5.1)
  vm.gcthreshold = Math.max(64 * 1024, Math.floor(m.bytes * (vm.gcpause / 100 - 1)));
  return m.bytes;
}
