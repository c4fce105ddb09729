/**
 * ChunkCache: compiled chunks (Protos) kept across runs and shared by every state that uses
 * the cache, so the same source is parsed and compiled once. Browser-safe: nothing here
 * touches the file system; persistence goes through an injected synchronous `ChunkStore`
 * (a directory in Node: src/engine/cache-node.ts; a Map: MemoryChunkStore).
 *
 * Key. A 64-bit non-cryptographic hash (two independent 32-bit lanes, one pass) of the
 * source bytes, the chunk name, the load mode, the bytecode format version (dump.ts), the
 * cache file version and an optional salt. The hash only picks the slot: an entry also
 * keeps its source, chunk name and mode, and a hit compares them exactly, so a hash
 * collision is a miss (the newer chunk replaces the older one), never a wrong chunk.
 * Holding the source costs no copy (JS strings are shared) and is counted in the entry's
 * byte size.
 *
 * Eviction. Least recently used first (a Map in recency order: a hit moves the entry to the
 * end), whenever there are more than `maxEntries` entries or more than `maxBytes` estimated
 * bytes (estimateProtoBytes + the source). A chunk bigger than maxBytes on its own is not
 * kept. TTL: an entry expires `ttlMs` after it was stored (a hit does not extend it); an
 * expired entry is dropped when looked up and by sweep(), which set() runs at most once
 * per `sweepIntervalMs` (default: ttlMs). Time comes from the `now` option, so tests use a
 * fake clock; no timers are created.
 *
 * Sharing Protos between states is safe (see docs/architecture.md, "Chunk cache"): a
 * Proto's only mutable fields are the JIT's `jit` (compiled code, which reaches its VM only
 * through the thread it is given; its inline caches are checked on every use) and
 * `jitCount` (a hotness countdown, shared too: a state with the JIT off parks it, so mixing
 * such states with JIT states on one shared cache costs speed, never correctness). With
 * `share: false` every lookup returns a fresh copy of the tree (immutable arrays shared, JIT
 * state fresh) for hosts that want states fully isolated.
 *
 * Persistence. With a `store`, a compiled chunk is also written as a file holding the
 * verified binary chunk format (dump.ts) in a checksummed envelope (see FILE FORMAT below),
 * and a miss in memory reads it back. A file with another magic, file version or bytecode
 * version, a bad checksum, a different source/chunkname/mode (collision) or bytecode that
 * fails the verifier is ignored (counted in storeRejected and removed), never an error; an
 * expired one is removed (counted in expirations); store failures are counted in
 * storeErrors. File names derive from the key, which includes the format versions and the
 * salt, so caches of other versions sharing a directory never read each other's files.
 */
import { Proto } from '../vm/proto.js';
import { dumpProto, undumpProto, FORMAT_VERSION } from '../vm/dump.js';

// ---- hashing ---------------------------------------------------------------------------

/**
 * 64-bit hash of char codes, fed in pieces: lane 1 is FNV-1a (32-bit), lane 2 a
 * rotate-xor-multiply hash with other constants; the digest mixes in the length and
 * avalanches both (murmur3 fmix32). Not cryptographic: for cache keys and corruption checks.
 */
export class Hash64 {
  private h1: number;
  private h2: number;
  private n = 0;
  constructor(seed = 0) {
    this.h1 = (0x811c9dc5 ^ seed) | 0;
    this.h2 = (0x9e3779b9 ^ Math.imul(seed, 0x85ebca6b)) | 0;
  }
  update(s: string): this {
    let h1 = this.h1;
    let h2 = this.h2;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(((h2 << 5) | (h2 >>> 27)) ^ c, 0x27d4eb2f);
    }
    this.h1 = h1;
    this.h2 = h2;
    this.n += n;
    return this;
  }
  /** 16 hex digits */
  digest(): string {
    let h1 = fmix32(this.h1 ^ this.n);
    const h2 = fmix32(this.h2 ^ Math.imul(this.n, 0xc2b2ae35) ^ h1);
    h1 = fmix32(h1 ^ h2);
    return hex32(h1) + hex32(h2);
  }
}

/** hash64 of one string (see Hash64). */
export function hash64(s: string, seed = 0): string {
  return new Hash64(seed).update(s).digest();
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** the two hex digits of each byte */
const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push((i < 16 ? '0' : '') + i.toString(16));

function hex32(n: number): string {
  return HEX[n >>> 24] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255];
}

// ---- size estimate ---------------------------------------------------------------------

/** Rough bytes of a JS string of char codes 0..255 (V8 one-byte string with its header). */
function strBytes(s: string): number {
  return 16 + s.length;
}

/**
 * Estimated heap bytes of a Proto tree: the objects, the typed arrays (code, line info,
 * live registers), constants, upvalue descriptors, local variable ranges and children.
 * Compiled JIT code attached later is not counted (it is created by running, not caching).
 */
export function estimateProtoBytes(p: Proto): number {
  let n = 200 + p.code.length * 4 + p.lineinfo.length * 4 + (p.liveRegs !== null ? p.liveRegs.length : 0);
  n += 16 + p.k.length * 8;
  for (const v of p.k) {
    if (typeof v === 'string') n += strBytes(v);
    else if (typeof v === 'bigint') n += 24;
    else if (v !== null && typeof v === 'object') n += 16; // LuaFloat box
  }
  n += p.upvalNames.length * 24;
  for (const s of p.upvalNames) n += strBytes(s);
  n += p.locvars.length * 40;
  for (const lv of p.locvars) n += strBytes(lv.name);
  for (const c of p.p) n += estimateProtoBytes(c);
  return n;
}

// ---- copying ---------------------------------------------------------------------------

/**
 * A copy of a Proto tree with fresh runtime state (no compiled code, a new hotness
 * countdown). The arrays the VM never writes (code, line info, constants, descriptors) are
 * shared with the original.
 */
export function cloneProto(p: Proto): Proto {
  const c = new Proto();
  c.code = p.code;
  c.ic = new Int32Array(p.code.length);
  c.lineinfo = p.lineinfo;
  c.liveRegs = p.liveRegs;
  c.k = p.k;
  c.p = p.p.map(cloneProto);
  c.upvalNames = p.upvalNames;
  c.upvalInStack = p.upvalInStack;
  c.upvalIdx = p.upvalIdx;
  c.upvalKind = p.upvalKind;
  c.locvars = p.locvars;
  c.source = p.source;
  c.linedefined = p.linedefined;
  c.lastlinedefined = p.lastlinedefined;
  c.numparams = p.numparams;
  c.isVararg = p.isVararg;
  c.maxstack = p.maxstack;
  return c;
}

// ---- persistence -----------------------------------------------------------------------

/**
 * Synchronous storage of cache files by name (names are [0-9a-f]+ ".mbc"); data are byte
 * strings (char codes 0..255). Any method may throw: the cache counts it and goes on.
 */
export interface ChunkStore {
  /** the file's bytes, or undefined when there is none */
  read(name: string): string | undefined;
  write(name: string, data: string): void;
  remove(name: string): void;
}

/** A ChunkStore in memory (browsers, tests). */
export class MemoryChunkStore implements ChunkStore {
  readonly files = new Map<string, string>();
  read(name: string): string | undefined {
    return this.files.get(name);
  }
  write(name: string, data: string): void {
    this.files.set(name, data);
  }
  remove(name: string): void {
    this.files.delete(name);
  }
}

/**
 * FILE FORMAT (all integers little-endian):
 *   magic          8 bytes  "MBXCHUNK"
 *   file version   1 byte   CACHE_FILE_VERSION
 *   format version 1 byte   FORMAT_VERSION of the binary chunk format (src/vm/dump.ts)
 *   checksum       16 bytes hash64 of the body, as hex digits
 *   body length    4 bytes
 *   body           created  8 bytes (float64: the cache clock when stored)
 *                  mode, chunkname, source, bytecode: each a 4-byte length then bytes
 *                  live registers: for each proto in preorder, a 4-byte length then
 *                  the bytes of Proto.liveRegs (0xffffffff when null)
 */
export const CACHE_MAGIC = 'MBXCHUNK';
/** Bump when the envelope changes or when the compiler's output changes for the same source. */
export const CACHE_FILE_VERSION = 1;
const HEADER_LEN = 8 + 1 + 1 + 16 + 4;

function u32(n: number): string {
  return String.fromCharCode(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
}

function f64(x: number): string {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x, true);
  let s = '';
  for (let i = 0; i < 8; i++) s += String.fromCharCode(dv.getUint8(i));
  return s;
}

function lenStr(s: string): string {
  return u32(s.length) + s;
}

function preorder(p: Proto, acc: Proto[] = []): Proto[] {
  acc.push(p);
  for (const c of p.p) preorder(c, acc);
  return acc;
}

interface FileEntry {
  created: number;
  mode: string;
  chunkname: string;
  source: string;
  proto: Proto;
}

/** Serialise a cache entry as a file (see FILE FORMAT). */
export function encodeCacheFile(e: FileEntry): string {
  const parts = [f64(e.created), lenStr(e.mode), lenStr(e.chunkname), lenStr(e.source), lenStr(dumpProto(e.proto, false))];
  for (const q of preorder(e.proto)) {
    const lr = q.liveRegs;
    if (lr === null) parts.push(u32(0xffffffff));
    else {
      parts.push(u32(lr.length));
      // in pieces: apply() with a huge argument list would overflow the JS stack
      for (let i = 0; i < lr.length; i += 8192) parts.push(String.fromCharCode.apply(null, lr.subarray(i, i + 8192) as unknown as number[]));
    }
  }
  const body = parts.join('');
  return CACHE_MAGIC + String.fromCharCode(CACHE_FILE_VERSION, FORMAT_VERSION) + hash64(body) + u32(body.length) + body;
}

/** Why a file was rejected (for tests and diagnostics). */
export class BadCacheFile extends Error {}

/** Read a cache file; throws BadCacheFile (or the verifier's BadChunk) when it is not usable. */
export function decodeCacheFile(data: string): FileEntry {
  let pos = 0;
  const need = (n: number): void => {
    if (pos + n > data.length) throw new BadCacheFile('truncated');
  };
  const rd32 = (): number => {
    need(4);
    const v = (data.charCodeAt(pos) | (data.charCodeAt(pos + 1) << 8) | (data.charCodeAt(pos + 2) << 16) | (data.charCodeAt(pos + 3) << 24)) >>> 0;
    pos += 4;
    return v;
  };
  const rdStr = (): string => {
    const n = rd32();
    need(n);
    const s = data.slice(pos, pos + n);
    pos += n;
    return s;
  };
  if (data.length < HEADER_LEN || !data.startsWith(CACHE_MAGIC)) throw new BadCacheFile('not a cache file');
  if (data.charCodeAt(8) !== CACHE_FILE_VERSION) throw new BadCacheFile('file version mismatch');
  if (data.charCodeAt(9) !== FORMAT_VERSION) throw new BadCacheFile('bytecode version mismatch');
  const sum = data.slice(10, 26);
  pos = 26;
  const blen = rd32();
  if (blen !== data.length - HEADER_LEN) throw new BadCacheFile('bad length');
  if (hash64(data.slice(HEADER_LEN)) !== sum) throw new BadCacheFile('bad checksum');
  need(8);
  const dv = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < 8; i++) dv.setUint8(i, data.charCodeAt(pos + i));
  pos += 8;
  const created = dv.getFloat64(0, true);
  const mode = rdStr();
  const chunkname = rdStr();
  const source = rdStr();
  const proto = undumpProto(rdStr(), chunkname);
  for (const q of preorder(proto)) {
    const n = rd32();
    if (n === 0xffffffff) continue;
    if (n !== q.code.length) throw new BadCacheFile('bad live registers');
    need(n);
    const lr = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = data.charCodeAt(pos + i);
      // a count above maxstack would read past the frame; a low one is only what the
      // checksum vouches for (the collector would skip registers it should mark)
      if (v > q.maxstack) throw new BadCacheFile('bad live registers');
      lr[i] = v;
    }
    pos += n;
    q.liveRegs = lr;
  }
  if (pos !== data.length) throw new BadCacheFile('trailing bytes');
  return { created, mode, chunkname, source, proto };
}

// ---- the cache -------------------------------------------------------------------------

export interface ChunkCacheOptions {
  /** most entries kept in memory (default 500) */
  maxEntries?: number;
  /** most estimated bytes kept in memory (default 64 MiB) */
  maxBytes?: number;
  /** entries expire this long after they were stored (default: never) */
  ttlMs?: number;
  /** set() sweeps expired entries at most this often (default: ttlMs) */
  sweepIntervalMs?: number;
  /** the clock, in milliseconds (default Date.now) */
  now?: () => number;
  /** persistent storage of compiled chunks (default: none) */
  store?: ChunkStore;
  /** false: every lookup returns a fresh copy of the cached Proto tree (default true) */
  share?: boolean;
  /** mixed into every key and file name (e.g. the host's version) */
  salt?: string;
}

export interface ChunkCacheStats {
  hits: number;
  misses: number;
  /** entries dropped to stay within maxEntries / maxBytes */
  evictions: number;
  /** entries (and store files) dropped because their TTL ran out */
  expirations: number;
  /** estimated bytes of the entries in memory */
  bytes: number;
  entries: number;
  /** misses in memory served from the store */
  storeHits: number;
  storeWrites: number;
  /** store files ignored (and removed): foreign, another version, bad checksum, corrupt, collision */
  storeRejected: number;
  /** store operations that threw */
  storeErrors: number;
}

interface Entry {
  key: string;
  source: string;
  chunkname: string;
  mode: string;
  proto: Proto;
  bytes: number;
  expires: number;
}

export class ChunkCache {
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly ttlMs: number;
  private readonly sweepInterval: number;
  private readonly now: () => number;
  private readonly store: ChunkStore | null;
  private readonly share: boolean;
  private readonly seed: number;
  /** in recency order: least recently used first */
  private readonly map = new Map<string, Entry>();
  private bytes = 0;
  private nextSweep: number;
  private readonly counters = {
    hits: 0, misses: 0, evictions: 0, expirations: 0,
    storeHits: 0, storeWrites: 0, storeRejected: 0, storeErrors: 0,
  };

  constructor(options: ChunkCacheOptions = {}) {
    this.maxEntries = Math.max(0, Math.floor(options.maxEntries ?? 500));
    this.maxBytes = Math.max(0, options.maxBytes ?? 64 * 1024 * 1024);
    const ttl = options.ttlMs ?? Infinity;
    this.ttlMs = ttl > 0 ? ttl : Infinity;
    this.sweepInterval = options.sweepIntervalMs ?? this.ttlMs;
    this.now = options.now ?? Date.now;
    this.store = options.store ?? null;
    this.share = options.share ?? true;
    // the versions and the salt select the key space: chunks of another format never match
    this.seed = parseInt(hash64(`${FORMAT_VERSION}\0${CACHE_FILE_VERSION}\0${options.salt ?? ''}`).slice(0, 8), 16) | 0;
    this.nextSweep = this.now() + this.sweepInterval;
  }

  /** The key (and file name stem) of a chunk: 16 hex digits. */
  key(source: string, chunkname: string, mode: string): string {
    // in pieces: concatenating would copy the source
    return new Hash64(this.seed).update(chunkname).update('\0').update(mode).update('\0').update(source).digest();
  }

  /** The cached Proto of this chunk, or undefined (a miss). */
  get(source: string, chunkname: string, mode: string): Proto | undefined {
    const key = this.key(source, chunkname, mode);
    const p = this.lookup(key, source, chunkname, mode);
    if (p === undefined) this.counters.misses++;
    else this.counters.hits++;
    return p;
  }

  /** Keep a compiled chunk (in memory, and in the store if there is one). */
  set(source: string, chunkname: string, mode: string, proto: Proto): void {
    this.put(this.key(source, chunkname, mode), source, chunkname, mode, proto, true);
  }

  /** The cached Proto, or compile() (which may throw: nothing is cached then) and keep it. */
  getOrCompile(source: string, chunkname: string, mode: string, compile: () => Proto): Proto {
    const key = this.key(source, chunkname, mode);
    const hit = this.lookup(key, source, chunkname, mode);
    if (hit !== undefined) {
      this.counters.hits++;
      return hit;
    }
    this.counters.misses++;
    // (unshared: the entry keeps its own copy, this first user gets the original)
    const p = compile();
    this.put(key, source, chunkname, mode, p, true);
    return p;
  }

  /** Drop expired entries now; returns how many. */
  sweep(): number {
    const t = this.now();
    this.nextSweep = t + this.sweepInterval;
    if (this.ttlMs === Infinity) return 0;
    let n = 0;
    for (const e of [...this.map.values()]) {
      if (e.expires <= t) {
        this.drop(e);
        n++;
      }
    }
    this.counters.expirations += n;
    return n;
  }

  /** Empty the memory part (the store keeps its files). Counters are kept. */
  clear(): void {
    this.map.clear();
    this.bytes = 0;
  }

  /** Whether a chunk is in memory (no counters change, the recency order neither). */
  has(source: string, chunkname: string, mode: string): boolean {
    const e = this.map.get(this.key(source, chunkname, mode));
    return e !== undefined && e.source === source && e.chunkname === chunkname && e.mode === mode && e.expires > this.now();
  }

  stats(): ChunkCacheStats {
    return { ...this.counters, bytes: this.bytes, entries: this.map.size };
  }

  // ---- internals -----------------------------------------------------------------------

  /** Memory, then the store; no hit/miss counting. */
  private lookup(key: string, source: string, chunkname: string, mode: string): Proto | undefined {
    const e = this.map.get(key);
    if (e !== undefined) {
      if (e.source === source && e.chunkname === chunkname && e.mode === mode) {
        if (e.expires === Infinity || e.expires > this.now()) {
          // most recently used: to the end of the Map's order
          this.map.delete(key);
          this.map.set(key, e);
          return this.share ? e.proto : cloneProto(e.proto);
        }
        this.drop(e);
        this.counters.expirations++;
      }
      // a hash collision: a miss; storing the new chunk replaces the old one
    }
    if (this.store === null) return undefined;
    // (unshared: the entry keeps its own copy, this user gets the one just read)
    return this.load(key, source, chunkname, mode);
  }

  private load(key: string, source: string, chunkname: string, mode: string): Proto | undefined {
    const name = key + '.mbc';
    let data: string | undefined;
    try {
      data = this.store!.read(name);
    } catch {
      this.counters.storeErrors++;
      return undefined;
    }
    if (data === undefined) return undefined;
    let f: FileEntry;
    try {
      f = decodeCacheFile(data);
      if (f.source !== source || f.chunkname !== chunkname || f.mode !== mode) throw new BadCacheFile('another chunk');
    } catch {
      this.counters.storeRejected++;
      this.removeFile(name);
      return undefined;
    }
    if (!(f.created + this.ttlMs > this.now())) {
      this.counters.expirations++;
      this.removeFile(name);
      return undefined;
    }
    // into memory with its original time of creation (the TTL counts from then)
    this.counters.storeHits++;
    this.put(key, source, chunkname, mode, f.proto, false, f.created);
    return f.proto;
  }

  private put(key: string, source: string, chunkname: string, mode: string, proto: Proto, persist: boolean, created = this.now()): void {
    if (this.now() >= this.nextSweep) this.sweep();
    const old = this.map.get(key);
    if (old !== undefined) this.drop(old);
    const bytes = estimateProtoBytes(proto) + strBytes(source) + strBytes(chunkname) + 64;
    if (this.maxEntries > 0 && bytes <= this.maxBytes) {
      // a private copy of the tree's runtime state when states must not share it
      const e: Entry = { key, source, chunkname, mode, proto: this.share ? proto : cloneProto(proto), bytes, expires: created + this.ttlMs };
      this.map.set(key, e);
      this.bytes += bytes;
      while (this.map.size > this.maxEntries || this.bytes > this.maxBytes) {
        const lru: Entry = this.map.values().next().value!;
        this.drop(lru);
        this.counters.evictions++;
      }
    }
    if (persist && this.store !== null) {
      try {
        this.store.write(key + '.mbc', encodeCacheFile({ created, mode, chunkname, source, proto }));
        this.counters.storeWrites++;
      } catch {
        this.counters.storeErrors++;
      }
    }
  }

  private drop(e: Entry): void {
    if (this.map.get(e.key) === e) {
      this.map.delete(e.key);
      this.bytes -= e.bytes;
    }
  }

  private removeFile(name: string): void {
    try {
      this.store!.remove(name);
    } catch {
      this.counters.storeErrors++;
    }
  }
}
