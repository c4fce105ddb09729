/**
 * Lua tables (manual §2.1, §3.4.7).
 *
 * Invariants:
 * - `arr` is the array part: arr[i] holds t[i+1]. It is a dense JS array (never holey);
 *   nil values inside it are stored as `undefined`. It never shrinks when an element is set
 *   to nil, so `next` keeps working when fields are cleared during a traversal.
 * - the hash part is a list of slots in insertion order (`hkeys`/`hvals`) plus `hmap`, a Map
 *   from normalised key to slot index. Clearing a field leaves a tombstone (its value becomes
 *   undefined, the key stays), so `next` from a cleared key still finds its position. Slots
 *   are compacted only when a new key is inserted (which is undefined during traversal, §6.1).
 *   Until the first key is inserted, `hmap`, `hkeys` and `hvals` are shared empty objects
 *   that are never written (insertHash gives the table its own).
 * - the hash part never holds the integer key arr.length+1 (such a key is appended to the
 *   array part, which then absorbs the following keys from the hash part). So a non-nil
 *   last array element makes arr.length a border.
 * - keys are normalised: floats with an integral value in 64-bit range become integers;
 *   integral floats outside that range are keyed by their plain JS number (which no integer
 *   key ever is: large integers are bigints). Keys are never nil or NaN (callers check).
 * - `flags` caches absent metamethods when this table is used as a metatable: bit e set means
 *   "no field named TM_NAMES[e]". Any store of a string key resets it.
 */
import { LuaFloat, floatToInt, ITER_NEXT } from './value.js';
import type { LuaValue } from './value.js';

/**
 * The hash map of every table whose hash part never had a key: shared and never written
 * (insertHash gives a table its own map first), so that array-like tables cost no Map.
 */
const NO_KEYS: Map<LuaValue, number> = new Map();
/** Likewise the slot arrays (`hkeys`, `hvals`) of such a table: shared, always empty. */
const NO_SLOT_KEYS: LuaValue[] = [];
const NO_SLOT_VALS: LuaValue[] = [];

/**
 * Bytes of table growth (array appends, new hash slots) not yet charged to a state: tables
 * do not know their state, so the VM moves this into its allocation debt between
 * instruction slices (see src/vm/limits.ts). Only one state runs at a time in a JS thread.
 */
export const tableGrowth = { bytes: 0 };
const ARRAY_SLOT_BYTES = 16;
const HASH_SLOT_BYTES = 32;

/**
 * The hash slots of the key the last traversal step (nextFrom) returned, so that the next
 * step (nextIndex of that key) finds it without a Map lookup. Checked against the slot's
 * key on use, so a stale entry only misses.
 */
let lastNextKeys: LuaValue[] = NO_SLOT_KEYS;
let lastNextSlot = 0;

/**
 * A field store site of the code (SETFIELD) and the shape it adds its key to (see
 * LuaTable.setField): a table whose keys are `from` (a shared shape, or no keys yet) gets
 * `keys` and `map` (from plus the key), shared with the other tables that went the same way.
 */
export class ShapeSite {
  from: LuaValue[] | null = null;
  keys: LuaValue[] = NO_SLOT_KEYS;
  map: Map<LuaValue, number> = NO_KEYS;
}

/** Tables share shapes up to this many keys (then each has its own Map, as a dictionary). */
const MAX_SHAPE = 32;

export class LuaTable {
  arr: LuaValue[];
  hkeys: LuaValue[];
  hvals: LuaValue[];
  hmap: Map<LuaValue, number>;
  /** number of tombstones in the hash part */
  hdead: number;
  /** `hmap` and `hkeys` are a shape shared with other tables (initShape, setField): copied
   *  before a key is added or the slots are renumbered; values (`hvals`) are always the
   *  table's own */
  hshared: boolean;
  metatable: LuaTable | null;
  flags: number;
  /** the number of the last collection that marked this table (see gc.ts Marker) */
  gcmark: number;
  /**
   * A filter of the string keys the hash part has held, one bit in each of two words per
   * key (strHash, sbloomBit2): a key with either bit clear was never inserted, so a lookup
   * of a method through `__index` can skip the Map lookup that would miss in the object
   * itself. Never cleared (a superset). With one 32-bit word, an object of six fields let
   * a sixth of its class's method names through to the Map (richards: 655 000 lookups).
   */
  sbloom: number;
  sbloom2: number;

  constructor(narr = 0, _nhash = 0) {
    this.arr = narr > 0 ? [] : [];
    this.hkeys = NO_SLOT_KEYS;
    this.hvals = NO_SLOT_VALS;
    this.hmap = NO_KEYS;
    this.hdead = 0;
    this.hshared = false;
    this.metatable = null;
    this.flags = 0;
    this.gcmark = 0;
    this.sbloom = 0;
    this.sbloom2 = 0;
  }

  // ---- reads -----------------------------------------------------------------------------

  /** t[k] for any key (raw). */
  get(key: LuaValue): LuaValue {
    if (typeof key === 'number') {
      const arr = this.arr;
      if (key >= 1 && key <= arr.length && Number.isInteger(key)) return arr[key - 1];
      const i = this.hmap.get(key);
      return i === undefined ? undefined : this.hvals[i];
    }
    if (typeof key === 'string') {
      const i = this.hmap.get(key);
      return i === undefined ? undefined : this.hvals[i];
    }
    if (key instanceof LuaFloat) {
      const k = floatKey(key.n);
      if (typeof k === 'number' && Number.isInteger(k) && k >= 1 && k <= this.arr.length) return this.arr[k - 1];
      const i = this.hmap.get(k);
      return i === undefined ? undefined : this.hvals[i];
    }
    if (key === undefined) return undefined;
    const i = this.hmap.get(key);
    return i === undefined ? undefined : this.hvals[i];
  }

  /** t[k] for a string key (raw). */
  getStr(key: string): LuaValue {
    const i = this.hmap.get(key);
    return i === undefined ? undefined : this.hvals[i];
  }

  /** t[k] for a small integer key (raw). */
  getInt(key: number): LuaValue {
    const arr = this.arr;
    if (key >= 1 && key <= arr.length) return arr[key - 1];
    const i = this.hmap.get(key);
    return i === undefined ? undefined : this.hvals[i];
  }

  // ---- writes ----------------------------------------------------------------------------

  /** t[k] = v (raw). The caller has checked that k is neither nil nor NaN. */
  set(key: LuaValue, v: LuaValue): void {
    if (typeof key === 'number') {
      if (Number.isInteger(key)) this.setInt(key, v);
      else this.setHash(key, v);
    } else if (typeof key === 'string') {
      this.flags = 0;
      this.setHash(key, v);
    } else if (key instanceof LuaFloat) {
      const k = floatKey(key.n);
      if (typeof k === 'number' && Number.isInteger(k)) this.setInt(k, v);
      else this.setHash(k, v);
    } else {
      this.setHash(key, v);
    }
  }

  /** Returns the key's slot in the hash part afterwards, or -1 when it has none. */
  setStr(key: string, v: LuaValue): number {
    this.flags = 0;
    const i = this.hmap.get(key);
    if (i !== undefined) {
      if (v === undefined && this.hvals[i] !== undefined) this.hdead++;
      else if (v !== undefined && this.hvals[i] === undefined) this.hdead--;
      this.hvals[i] = v;
      return i;
    }
    if (v === undefined) return -1;
    this.insertHash(key, v);
    return this.hkeys.length - 1;
  }

  /**
   * t[k] = v for a field name of the code (SETFIELD on a table without a metatable, from
   * store site `site`), returning the key's slot: like setStr, except that
   * - nil assigned to an absent key keeps a slot for it (dead, as after a deletion). A
   *   constructor such as `{ link = link, id = id }` then gives every table it builds the
   *   same slots whichever fields are nil, which keeps the field caches of the code using
   *   them from missing. (The keys are the code's constants: a bounded number.)
   * - tables built by the same sequence of sites share their keys and Map (a shape, as
   *   hshared): a site remembers the keys it produced from the keys it found, and the next
   *   table arriving with those keys takes the result instead of building a Map of its own.
   *   Only its values (`hvals`) are its own, until it gets a key its shape has not (copied
   *   then, see insertHash).
   */
  setField(key: string, v: LuaValue, site: ShapeSite | null = null): number {
    const hk = this.hkeys;
    if (site !== null && site.from === hk) {
      const n = hk.length;
      if (n === 0) this.hvals = [];
      this.hkeys = site.keys;
      this.hmap = site.map;
      this.hshared = true;
      this.flags = 0;
      const h = strHash(key);
      this.sbloom |= 1 << (h & 31);
      this.sbloom2 |= 1 << sbloomBit2(h);
      this.hvals.push(v);
      if (v === undefined) this.hdead++;
      tableGrowth.bytes += HASH_SLOT_BYTES;
      return n;
    }
    const shareable = hk === NO_SLOT_KEYS || this.hshared;
    let j: number;
    if (v === undefined && !this.hmap.has(key)) {
      this.insertHash(key, undefined);
      this.hdead++;
      j = this.hkeys.length - 1;
    } else {
      j = this.setStr(key, v);
    }
    if (site !== null && shareable && this.hkeys.length === hk.length + 1 && hk.length < MAX_SHAPE) {
      // the keys this table got are the site's shape for the next table arriving with hk
      site.from = hk;
      site.keys = this.hkeys;
      site.map = this.hmap;
      this.hshared = true;
    }
    return j;
  }

  /** t[k] = v for a small integer key (raw). */
  setInt(key: number, v: LuaValue): void {
    const arr = this.arr;
    const n = arr.length;
    if (key >= 1 && key <= n) {
      arr[key - 1] = v;
      return;
    }
    if (key === n + 1) {
      if (v === undefined) return; // nothing stored at arr.length+1 (hash never holds it)
      arr.push(v);
      tableGrowth.bytes += ARRAY_SLOT_BYTES;
      if (this.hmap.size > 0) this.migrate();
      return;
    }
    this.setHash(key, v);
  }

  private setHash(key: LuaValue, v: LuaValue): void {
    const i = this.hmap.get(key);
    if (i !== undefined) {
      const old = this.hvals[i];
      if (v === undefined) {
        if (old !== undefined) this.hdead++;
      } else if (old === undefined) {
        this.hdead--;
      }
      this.hvals[i] = v;
    } else if (v !== undefined) {
      this.insertHash(key, v);
    }
  }

  private insertHash(key: LuaValue, v: LuaValue): void {
    if (this.hdead > 8 && this.hdead * 2 > this.hkeys.length) this.compact();
    let m = this.hmap;
    if (m === NO_KEYS) {
      this.hmap = m = new Map();
      this.hkeys = [];
      this.hvals = [];
    } else if (this.hshared) {
      this.hmap = m = new Map(m);
      this.hkeys = this.hkeys.slice();
      this.hshared = false;
    }
    if (typeof key === 'string') {
      const h = strHash(key);
      this.sbloom |= 1 << (h & 31);
      this.sbloom2 |= 1 << sbloomBit2(h);
    }
    m.set(key, this.hkeys.length);
    this.hkeys.push(key);
    this.hvals.push(v);
    tableGrowth.bytes += HASH_SLOT_BYTES;
  }

  /** After the array part grew: move keys n+1, n+2, ... from the hash part into it. */
  private migrate(): void {
    const arr = this.arr;
    for (;;) {
      const k = arr.length + 1;
      const i = this.hmap.get(k);
      if (i === undefined) return;
      const v = this.hvals[i];
      if (v === undefined) return;
      arr.push(v);
      this.hvals[i] = undefined;
      this.hdead++;
    }
  }

  /** Drop tombstones from the hash part (renumbers slots). */
  private compact(): void {
    const keys = this.hkeys;
    const vals = this.hvals;
    const nk: LuaValue[] = [];
    const nv: LuaValue[] = [];
    const map = new Map<LuaValue, number>();
    for (let i = 0; i < keys.length; i++) {
      const v = vals[i];
      if (v !== undefined) {
        map.set(keys[i], nk.length);
        nk.push(keys[i]);
        nv.push(v);
      }
    }
    this.hkeys = nk;
    this.hvals = nv;
    this.hmap = map;
    this.hdead = 0;
    this.hshared = false;
  }

  // ---- length and traversal -------------------------------------------------------------

  /** A border of the table (§3.4.7), without metamethods. */
  length(): number {
    const arr = this.arr;
    let n = arr.length;
    if (n === 0) {
      // the hash part may hold a sequence only if keys were set out of order
      if (this.hmap.size === 0) return 0;
      return this.hashBorder(0);
    }
    if (arr[n - 1] !== undefined) {
      if (this.hmap.size === 0) return n;
      return this.hashBorder(n);
    }
    // binary search for a border inside the array part: arr[lo-1] non-nil (or lo = 0),
    // arr[hi-1] nil
    let lo = 0;
    let hi = n;
    while (hi - lo > 1) {
      const m = (lo + hi) >>> 1;
      if (arr[m - 1] === undefined) hi = m;
      else lo = m;
    }
    return lo;
  }

  private hashBorder(n: number): number {
    // t[n] is non-nil (or n = 0) and t[n+1] is not in the hash part by invariant
    return n;
  }

  /**
   * Traversal position after `key` (nil: the start): an index into the array part followed
   * by the hash slots, or -1 if the key is not in the table.
   */
  nextIndex(key: LuaValue): number {
    if (key === undefined) return 0;
    const n = this.arr.length;
    let k = key;
    if (k instanceof LuaFloat) k = floatKey(k.n);
    if (typeof k === 'number' && Number.isInteger(k) && k >= 1 && k <= n) return k;
    // the key the last traversal step returned (next(t, k) after next(t) gave k): its slot
    // is known, and a slot always holds the same key until the hash part is rebuilt
    const hk = this.hkeys;
    if (hk === lastNextKeys && hk[lastNextSlot] === k) return n + lastNextSlot + 1;
    const i = this.hmap.get(k);
    if (i === undefined) return -1;
    return n + i + 1;
  }

  /**
   * From traversal position `p`, find the next non-nil entry; stores its key and value in
   * `out[0]`, `out[1]` and returns the position after it, or 0 when the traversal is over.
   */
  nextFrom(p: number, out: LuaValue[]): number {
    const arr = this.arr;
    const n = arr.length;
    for (; p < n; p++) {
      const v = arr[p];
      if (v !== undefined) {
        out[0] = p + 1;
        out[1] = v;
        return p + 1;
      }
    }
    const vals = this.hvals;
    const nh = vals.length;
    for (let i = p - n; i < nh; i++) {
      const v = vals[i];
      if (v !== undefined) {
        out[0] = keyToValue(this.hkeys[i]);
        out[1] = v;
        lastNextKeys = this.hkeys;
        lastNextSlot = i;
        return n + i + 1;
      }
    }
    return 0;
  }

  /** Number of non-nil entries in the hash part (for size estimates). */
  hashCount(): number {
    return this.hkeys.length - this.hdead;
  }

  /**
   * Fill the hash part of a new, empty table from a shape: `keys` (distinct, non-nil) and
   * `map` from each key to its index, both shared with other tables and never written
   * through this one, and `vals`, the table's own values (non-nil, one per key).
   */
  initShape(map: Map<LuaValue, number>, keys: LuaValue[], vals: LuaValue[]): void {
    if (keys.length === 0) return;
    this.hmap = map;
    this.hkeys = keys;
    this.hvals = vals;
    this.hshared = true;
    this.sbloom = this.sbloom2 = -1; // any key may be there
  }
}

/**
 * A hash of string key `key` for LuaTable.sbloom, from its length and three of its bytes
 * (cheap to compute on every lookup; NaN for the empty string, which the bit operations
 * read as 0): its low five bits are the key's bit in sbloom.
 */
export function strHash(key: string): number {
  const n = key.length;
  return n * 7 + key.charCodeAt(0) + key.charCodeAt(n >> 1) * 3 + key.charCodeAt(n - 1) * 5;
}

/** The key's bit in LuaTable.sbloom2, from the same hash (its top five bits scrambled). */
export function sbloomBit2(h: number): number {
  return Math.imul(h, 0x9e3779b1) >>> 27;
}

/** False when string key `key` was never inserted in t's hash part (see LuaTable.sbloom). */
export function mayHoldStr(t: LuaTable, key: string): boolean {
  const h = strHash(key);
  return ((t.sbloom >>> (h & 31)) & (t.sbloom2 >>> sbloomBit2(h)) & 1) !== 0;
}

/** Normalised key of a float with an integral value. */
function floatKey(n: number): LuaValue {
  const i = floatToInt(n);
  return i === undefined ? n : i;
}

/** Hash keys that are plain integral numbers outside the safe range are floats: rebox. */
function keyToValue(k: LuaValue): LuaValue {
  if (typeof k === 'number' && Number.isInteger(k) && (k > 9007199254740991 || k < -9007199254740991)) {
    return new LuaFloat(k);
  }
  return k;
}

/** Normalise a key for storage/lookup (floats with integral values become integers). */
export function normKey(key: LuaValue): LuaValue {
  if (key instanceof LuaFloat) return floatKey(key.n);
  return key;
}

const stepOut: LuaValue[] = [undefined, undefined];

/**
 * A step of a generic `for` (TFORCALL) over `next` or ipairs' iterator (iter, see
 * NativeFunction.iter) without calling it, in both tiers: its arguments at s[func + 1] and
 * s[func + 2], its first nres results written from s[func] on, as the call would leave
 * them. False (nothing written) where the call may do more than read a table without a
 * metatable (raise an error; for ipairs, call __index): the caller then calls it. Saves
 * the native frame and the result moves of a call per iteration (median of 7 interleaved:
 * table-iter 808 -> 700 ms, k-nucleotide 792 -> 708, json 1092 -> 991).
 */
export function stepIter(s: LuaValue[], iter: number, func: number, nres: number): boolean {
  const t = s[func + 1];
  if (!(t instanceof LuaTable)) return false;
  const key = s[func + 2];
  let k: LuaValue;
  let v: LuaValue;
  if (iter === ITER_NEXT) {
    const p = t.nextIndex(key);
    if (p < 0) return false;
    if (t.nextFrom(p, stepOut) === 0) {
      k = v = undefined;
    } else {
      k = stepOut[0];
      v = stepOut[1];
    }
  } else {
    if (t.metatable !== null || typeof key !== 'number' || !Number.isInteger(key) || key >= 9007199254740991) return false;
    v = t.getInt(key + 1);
    k = v === undefined ? undefined : key + 1;
  }
  s[func] = k;
  if (nres > 1) {
    s[func + 1] = k === undefined ? undefined : v;
    for (let j = 2; j < nres; j++) s[func + j] = undefined;
  }
  return true;
}
