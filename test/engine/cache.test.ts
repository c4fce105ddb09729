import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ChunkCache, MemoryChunkStore, cloneProto, decodeCacheFile, encodeCacheFile, estimateProtoBytes, hash64,
  CACHE_FILE_VERSION,
} from '../../src/engine/cache.js';
import type { ChunkStore } from '../../src/engine/cache.js';
import { openChunkDir } from '../../src/node.js';
import { LuaEngine, LuaSyntaxError } from '../../src/index.js';
import { compileText } from '../../src/stdlib/load.js';
import { dumpProto, FORMAT_VERSION } from '../../src/vm/dump.js';
import { Proto, JIT_DEFAULTS } from '../../src/vm/proto.js';
import { jitStats } from '../../src/vm/jit.js';

function compile(src: string, name = '=t'): Proto {
  const p = compileText(src, name);
  if (typeof p === 'string') throw new Error(p);
  return p;
}

/** A fake clock: tests move time with clock.t. */
function fakeClock(): { t: number; now: () => number } {
  const c = { t: 1000, now: () => c.t };
  return c;
}

function quiet(opts: ConstructorParameters<typeof LuaEngine>[0] = {}): LuaEngine {
  return new LuaEngine({ policy: 'full', stdout: () => {}, stderr: () => {}, ...opts });
}

const tmpDirs: string[] = [];
function tmpDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'moonbox-cache-'));
  tmpDirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

/** Same structure, same bytes, same live-register tables (what the VM reads). */
function sameProto(a: Proto, b: Proto): void {
  expect(dumpProto(b, false)).toBe(dumpProto(a, false));
  const lr = (p: Proto): (number[] | null)[] => [p.liveRegs === null ? null : [...p.liveRegs], ...p.p.flatMap(lr)];
  expect(lr(b)).toEqual(lr(a));
}

describe('hash64', () => {
  it('is deterministic, 16 hex digits, and sensitive to every byte, the length and the seed', () => {
    expect(hash64('return 1')).toMatch(/^[0-9a-f]{16}$/);
    expect(hash64('return 1')).toBe(hash64('return 1'));
    expect(hash64('return 1')).not.toBe(hash64('return 2'));
    expect(hash64('')).not.toBe(hash64('\0'));
    expect(hash64('a')).not.toBe(hash64('a', 1));
    // no collisions among many near-identical strings
    const seen = new Set<string>();
    for (let i = 0; i < 20000; i++) seen.add(hash64(`x = ${i}`));
    expect(seen.size).toBe(20000);
  });

  it('keys differ by source, chunk name and mode', () => {
    const c = new ChunkCache();
    const k = c.key('return 1', '=a', 't');
    expect(c.key('return 1', '=b', 't')).not.toBe(k);
    expect(c.key('return 1', '=a', 'bt')).not.toBe(k);
    expect(c.key('return 2', '=a', 't')).not.toBe(k);
    // the salt selects another key space
    expect(new ChunkCache({ salt: 'v2' }).key('return 1', '=a', 't')).not.toBe(k);
  });
});

describe('ChunkCache in memory', () => {
  it('counts hits and misses; getOrCompile compiles once', () => {
    const c = new ChunkCache();
    let n = 0;
    const build = (): Proto => { n++; return compile('return 1 + 1'); };
    const p1 = c.getOrCompile('return 1 + 1', '=t', 't', build);
    const p2 = c.getOrCompile('return 1 + 1', '=t', 't', build);
    expect(n).toBe(1);
    expect(p2).toBe(p1);
    expect(c.get('return 1 + 1', '=t', 't')).toBe(p1);
    expect(c.get('return 1 + 1', '=other', 't')).toBeUndefined();
    expect(c.get('return 1 + 1', '=t', 'b')).toBeUndefined();
    const s = c.stats();
    expect(s).toMatchObject({ hits: 2, misses: 3, evictions: 0, entries: 1 });
    expect(s.bytes).toBeGreaterThan(estimateProtoBytes(p1));
  });

  it('set/get and clear', () => {
    const c = new ChunkCache();
    const p = compile('return 5');
    c.set('return 5', '=t', 't', p);
    expect(c.has('return 5', '=t', 't')).toBe(true);
    expect(c.get('return 5', '=t', 't')).toBe(p);
    c.clear();
    expect(c.get('return 5', '=t', 't')).toBeUndefined();
    expect(c.stats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('does not cache a chunk whose compilation throws', () => {
    const c = new ChunkCache();
    expect(() => c.getOrCompile('if', '=t', 't', () => { throw new Error('syntax'); })).toThrow('syntax');
    expect(c.stats()).toMatchObject({ entries: 0, misses: 1 });
  });

  it('a hash collision is a miss, never the other chunk', () => {
    class Colliding extends ChunkCache {
      override key(): string {
        return '0000000000000000';
      }
    }
    const c = new Colliding();
    const a = c.getOrCompile('return "a"', '=t', 't', () => compile('return "a"'));
    let built = 0;
    const b = c.getOrCompile('return "b"', '=t', 't', () => { built++; return compile('return "b"'); });
    expect(built).toBe(1);
    expect(b).not.toBe(a);
    expect(c.get('return "a"', '=t', 't')).toBeUndefined(); // replaced by "b"
    expect(c.get('return "b"', '=t', 't')).toBe(b);
    // same source, other chunk name or mode: also compared
    expect(c.get('return "b"', '=u', 't')).toBeUndefined();
    expect(c.get('return "b"', '=t', 'bt')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond maxEntries', () => {
    const c = new ChunkCache({ maxEntries: 3 });
    const src = ['return 1', 'return 2', 'return 3', 'return 4'];
    for (const s of src.slice(0, 3)) c.set(s, '=t', 't', compile(s));
    expect(c.get('return 1', '=t', 't')).toBeDefined(); // 1 is now the most recent: 2 is the LRU
    c.set('return 4', '=t', 't', compile('return 4'));
    expect(c.has('return 2', '=t', 't')).toBe(false);
    expect(c.has('return 1', '=t', 't')).toBe(true);
    expect(c.has('return 3', '=t', 't')).toBe(true);
    expect(c.has('return 4', '=t', 't')).toBe(true);
    c.get('return 3', '=t', 't');
    c.set('return 5', '=t', 't', compile('return 5')); // LRU now: 1
    expect(c.has('return 1', '=t', 't')).toBe(false);
    expect(c.stats()).toMatchObject({ evictions: 2, entries: 3 });
  });

  it('evicts the least recently used entries beyond maxBytes', () => {
    const srcs = ['local a = 1 return a', 'local b = 2 return b', 'local c = 3 return c'];
    // the size of one entry (they are all alike)
    const probe = new ChunkCache();
    probe.set(srcs[0], '=t', 't', compile(srcs[0]));
    const one = probe.stats().bytes;
    const c = new ChunkCache({ maxBytes: one * 2 + one / 2 });
    c.set(srcs[0], '=t', 't', compile(srcs[0]));
    c.set(srcs[1], '=t', 't', compile(srcs[1]));
    expect(c.stats()).toMatchObject({ entries: 2, bytes: 2 * one, evictions: 0 });
    c.get(srcs[0], '=t', 't'); // srcs[1] becomes the LRU
    c.set(srcs[2], '=t', 't', compile(srcs[2]));
    expect(c.has(srcs[1], '=t', 't')).toBe(false);
    expect(c.has(srcs[0], '=t', 't')).toBe(true);
    expect(c.stats()).toMatchObject({ entries: 2, bytes: 2 * one, evictions: 1 });
    // a big chunk evicts several small ones
    const big = 'local t = {' + Array.from({ length: 40 }, (_, i) => `"s${i}"`).join(',') + '} return t';
    const bp = compile(big);
    const bigBytes = estimateProtoBytes(bp);
    expect(bigBytes).toBeGreaterThan(one);
    const c2 = new ChunkCache({ maxBytes: bigBytes + one * 2 });
    for (const s of srcs) c2.set(s, '=t', 't', compile(s));
    c2.set(big, '=t', 't', bp);
    expect(c2.has(big, '=t', 't')).toBe(true);
    expect(c2.stats().bytes).toBeLessThanOrEqual(bigBytes + one * 2);
    expect(c2.has(srcs[0], '=t', 't')).toBe(false);
    // a chunk bigger than maxBytes on its own is not kept (and evicts nothing)
    const c3 = new ChunkCache({ maxBytes: one * 3 });
    c3.set(srcs[0], '=t', 't', compile(srcs[0]));
    c3.set(big, '=t', 't', bp);
    expect(c3.has(big, '=t', 't')).toBe(false);
    expect(c3.stats()).toMatchObject({ entries: 1, evictions: 0 });
  });

  it('estimates bigger protos as bigger', () => {
    const small = estimateProtoBytes(compile('return 1'));
    const nested = estimateProtoBytes(compile('local function f(x) return function() return x .. "long constant string" end end return f'));
    const long = estimateProtoBytes(compile('local x = 0\n' + 'x = x + 1\n'.repeat(200) + 'return x'));
    expect(nested).toBeGreaterThan(small);
    expect(long).toBeGreaterThan(small + 200 * 4 * 2);
  });

  it('expires entries ttlMs after they were stored (fake clock; hits do not extend)', () => {
    const clock = fakeClock();
    const c = new ChunkCache({ ttlMs: 1000, now: clock.now });
    let n = 0;
    const build = (): Proto => { n++; return compile('return 1'); };
    c.getOrCompile('return 1', '=t', 't', build);
    clock.t += 999;
    expect(c.get('return 1', '=t', 't')).toBeDefined();
    clock.t += 1;
    expect(c.get('return 1', '=t', 't')).toBeUndefined();
    expect(c.stats()).toMatchObject({ expirations: 1, entries: 0, bytes: 0 });
    c.getOrCompile('return 1', '=t', 't', build);
    expect(n).toBe(2);
  });

  it('sweep drops expired entries only; set sweeps by itself once per interval', () => {
    const clock = fakeClock();
    const c = new ChunkCache({ ttlMs: 100, now: clock.now });
    c.set('return 1', '=t', 't', compile('return 1'));
    clock.t += 60;
    c.set('return 2', '=t', 't', compile('return 2'));
    clock.t += 50; // 1 expired, 2 has 50 left
    expect(c.stats().entries).toBe(2);
    expect(c.sweep()).toBe(1);
    expect(c.has('return 1', '=t', 't')).toBe(false);
    expect(c.has('return 2', '=t', 't')).toBe(true);
    expect(c.stats()).toMatchObject({ expirations: 1, entries: 1 });
    expect(c.sweep()).toBe(0);
    // automatic: the next set after the interval removes what has expired meanwhile
    clock.t += 100;
    c.set('return 3', '=t', 't', compile('return 3'));
    expect(c.stats()).toMatchObject({ expirations: 2, entries: 1 });
    // without a TTL nothing expires
    const forever = new ChunkCache({ now: clock.now });
    forever.set('return 1', '=t', 't', compile('return 1'));
    clock.t += 1e12;
    expect(forever.sweep()).toBe(0);
    expect(forever.get('return 1', '=t', 't')).toBeDefined();
  });

  it('share: false gives every user its own copy (same code, fresh JIT state)', () => {
    const c = new ChunkCache({ share: false });
    const src = 'local function f(x) return x * 2 end return f(21)';
    const p1 = c.getOrCompile(src, '=t', 't', () => compile(src));
    p1.jitCount = -5;
    const p2 = c.get(src, '=t', 't')!;
    const p3 = c.get(src, '=t', 't')!;
    expect(p2).not.toBe(p1);
    expect(p3).not.toBe(p2);
    expect(p2.p[0]).not.toBe(p3.p[0]);
    expect(p2.code).toBe(p1.code);
    expect(p2.jitCount).toBe(JIT_DEFAULTS.threshold);
    expect(p2.jit).toBe(null);
    sameProto(p1, p2);
    sameProto(p1, cloneProto(p1));
  });
});

describe('ChunkCache persistence', () => {
  const SRC = 'local t = {}\nfor i = 1, 10 do t[#t + 1] = function() return i * 1.5, "s" .. i end end\nlocal a, b = t[3]()\nreturn a, b, 2^53, -0.0, math.maxinteger';

  it('survives a restart: a new cache on the same directory reads the compiled chunk', async () => {
    const dir = tmpDir();
    const c1 = new ChunkCache({ store: await openChunkDir(dir) });
    const p = c1.getOrCompile(SRC, '@prog.lua', 't', () => compile(SRC, '@prog.lua'));
    expect(c1.stats().storeWrites).toBe(1);
    const files = readdirSync(dir);
    expect(files).toEqual([c1.key(SRC, '@prog.lua', 't') + '.mbc']);

    const c2 = new ChunkCache({ store: await openChunkDir(dir) });
    const back = c2.getOrCompile(SRC, '@prog.lua', 't', () => { throw new Error('should not compile'); });
    sameProto(p, back);
    expect(c2.stats()).toMatchObject({ misses: 0, hits: 1, storeHits: 1, storeRejected: 0, entries: 1 });
    // now in memory: no second read
    expect(c2.get(SRC, '@prog.lua', 't')).toBe(back);
    expect(c2.stats().storeHits).toBe(1);
    // other chunk name: another file, not this one
    expect(c2.get(SRC, '@other.lua', 't')).toBeUndefined();

    // the restored chunk runs like the original
    const e1 = quiet();
    const e2 = quiet({ cache: c2 });
    expect(e2.runSync(SRC, { chunkname: '@prog.lua' }).values).toEqual(e1.runSync(SRC, { chunkname: '@prog.lua' }).values);
  });

  it('the file round-trips through encode/decode', () => {
    const p = compile(SRC, '=x');
    const f = decodeCacheFile(encodeCacheFile({ created: 12345.5, mode: 'bt', chunkname: '=x', source: SRC, proto: p }));
    expect(f).toMatchObject({ created: 12345.5, mode: 'bt', chunkname: '=x', source: SRC });
    sameProto(p, f.proto);
  });

  /** Write a chunk with one cache, tamper with its file, read it with a fresh cache. */
  async function tampered(edit: (data: Buffer) => Buffer): Promise<{ c: ChunkCache; file: string; compiled: number }> {
    const dir = tmpDir();
    const c1 = new ChunkCache({ store: await openChunkDir(dir) });
    c1.getOrCompile(SRC, '=t', 't', () => compile(SRC));
    const file = path.join(dir, c1.key(SRC, '=t', 't') + '.mbc');
    writeFileSync(file, edit(readFileSync(file)));
    const c = new ChunkCache({ store: await openChunkDir(dir) });
    let compiled = 0;
    const p = c.getOrCompile(SRC, '=t', 't', () => { compiled++; return compile(SRC); });
    expect(p).toBeInstanceOf(Proto);
    return { c, file, compiled };
  }

  /** Recompute the checksum of a tampered file (so the later checks are what rejects it). */
  function reseal(b: Buffer): Buffer {
    const s = b.toString('latin1');
    const body = s.slice(30);
    return Buffer.from(s.slice(0, 10) + hash64(body) + s.slice(26), 'latin1');
  }

  it('rejects a file of another bytecode format version (and replaces it)', async () => {
    const { c, file, compiled } = await tampered((b) => { b[9] = FORMAT_VERSION + 1; return b; });
    expect(compiled).toBe(1);
    expect(c.stats()).toMatchObject({ storeRejected: 1, storeHits: 0, misses: 1, storeWrites: 1 });
    // rewritten with the right version
    expect(readFileSync(file)[9]).toBe(FORMAT_VERSION);
    expect(() => decodeCacheFile(readFileSync(file).toString('latin1'))).not.toThrow();
  });

  it('rejects a file of another cache file version', async () => {
    const { c, compiled } = await tampered((b) => { b[8] = CACHE_FILE_VERSION + 1; return b; });
    expect(compiled).toBe(1);
    expect(c.stats().storeRejected).toBe(1);
  });

  it('rejects a file with a corrupted byte (bad checksum)', async () => {
    const { c, compiled } = await tampered((b) => { b[b.length - 20] ^= 0x40; return b; });
    expect(compiled).toBe(1);
    expect(c.stats()).toMatchObject({ storeRejected: 1, storeHits: 0 });
    expect(() => decodeCacheFile((() => {
      const s = encodeCacheFile({ created: 0, mode: 't', chunkname: '=t', source: 'return 1', proto: compile('return 1') });
      return s.slice(0, 40) + String.fromCharCode(s.charCodeAt(40) ^ 1) + s.slice(41);
    })())).toThrow('bad checksum');
  });

  it('rejects bad contents under a valid checksum: bytecode the verifier refuses, live registers past maxstack', async () => {
    // the dumped chunk's "moonbox" marker, altered
    const r1 = await tampered((b) => {
      const i = b.indexOf('moonbox', 30, 'latin1');
      b[i] = 'M'.charCodeAt(0);
      return reseal(b);
    });
    expect(r1.compiled).toBe(1);
    expect(r1.c.stats().storeRejected).toBe(1);
    // the last live-register count of the last proto above 255 (> any maxstack)
    const r2 = await tampered((b) => {
      b[b.length - 1] = 255;
      return reseal(b);
    });
    expect(r2.compiled).toBe(1);
    expect(r2.c.stats().storeRejected).toBe(1);
  });

  it('ignores foreign, truncated and empty files, and a file for another chunk', async () => {
    for (const edit of [
      () => Buffer.from('#!/usr/bin/env lua\nprint(1)\n'),
      (b: Buffer) => b.subarray(0, b.length - 7),
      () => Buffer.alloc(0),
      (b: Buffer) => b.subarray(0, 20),
    ]) {
      const { c, compiled } = await tampered(edit);
      expect(compiled).toBe(1);
      expect(c.stats().storeRejected).toBe(1);
    }
    // a valid file of another chunk under this chunk's name (a collision on disk)
    const store = new MemoryChunkStore();
    const c = new ChunkCache({ store });
    const name = c.key(SRC, '=t', 't') + '.mbc';
    store.write(name, encodeCacheFile({ created: 0, mode: 't', chunkname: '=t', source: 'return 1', proto: compile('return 1') }));
    expect(c.get(SRC, '=t', 't')).toBeUndefined();
    expect(c.stats().storeRejected).toBe(1);
    expect(store.files.has(name)).toBe(false);
  });

  it('applies the TTL to stored files (by their time of creation)', () => {
    const clock = fakeClock();
    const store = new MemoryChunkStore();
    new ChunkCache({ store, now: clock.now, ttlMs: 500 }).set('return 1', '=t', 't', compile('return 1'));
    clock.t += 400;
    const c2 = new ChunkCache({ store, now: clock.now, ttlMs: 500 });
    expect(c2.get('return 1', '=t', 't')).toBeDefined();
    clock.t += 100; // 500 since creation: the copy in memory and the file have expired
    const c3 = new ChunkCache({ store, now: clock.now, ttlMs: 500 });
    expect(c3.get('return 1', '=t', 't')).toBeUndefined();
    expect(c3.stats()).toMatchObject({ expirations: 1, storeRejected: 0 });
    expect(store.files.size).toBe(0);
  });

  it('a failing store is counted, never thrown', () => {
    const broken: ChunkStore = {
      read: () => { throw new Error('EIO'); },
      write: () => { throw new Error('ENOSPC'); },
      remove: () => { throw new Error('EPERM'); },
    };
    const c = new ChunkCache({ store: broken });
    const p = c.getOrCompile('return 1', '=t', 't', () => compile('return 1'));
    expect(c.get('return 1', '=t', 't')).toBe(p);
    expect(c.stats()).toMatchObject({ storeErrors: 2, storeWrites: 0, hits: 1, misses: 1 });
  });
});

describe('ChunkCache in LuaEngine', () => {
  const PROGRAMS = [
    // closures, string methods (inline caches), integer/float distinction, varargs
    `local acc = {}
     local function mk(n) return function(x) return x * n + 0.5 end end
     for i = 1, 300 do acc[#acc + 1] = mk(i)(i) // 1 end
     local s = 0 for _, v in ipairs(acc) do s = s + v end
     print(("%d %s"):format(s, tostring(3 / 2)), math.type(2^31), 7 // 2, 7.0 // 2)
     return s, select('#', ...), ...`,
    // metatables, coroutines, pcall, goto, string.dump of a function from the cached chunk
    `local V = setmetatable({}, { __index = function(t, k) return k * 2 end, __call = function(self, a) return a + 1 end })
     local co = coroutine.wrap(function(a) for i = 1, 3 do a = coroutine.yield(a + i) end return "done" end)
     local r = { co(10), co(20), co(30), co(40) }
     local ok, err = pcall(function() error({ code = 42 }) end)
     local n = 0
     ::top:: n = n + 1 if n < 5 then goto top end
     local f = load(string.dump(function(x) return x .. "!" end))
     local t = {} for i = 1, 200 do t[i] = V[i] + V(i) end
     return r[1], r[2], r[3], r[4], ok, err.code, n, f("hi"), t[200], #t`,
    // a runtime error with its traceback
    `local function f(t) return t.x.y end
     for i = 1, 100 do f({ x = { y = i } }) end
     return f({})`,
  ];

  async function runAll(e: LuaEngine, src: string, i: number): Promise<unknown> {
    try {
      const r = await e.run(src, { chunkname: `=prog${i}`, args: [1, 'a'] });
      const s = e.runSync(src, { chunkname: `=prog${i}`, args: [2] });
      return { values: r.values, output: r.output, instructions: r.instructions, sync: s.values, syncOut: s.output };
    } catch (err) {
      return { error: (err as Error).message, tb: (err as any).luaTraceback ?? (err as any).traceback };
    }
  }

  it('a chunk cached by one engine runs on another exactly as uncached (JIT compiling the shared protos)', async () => {
    const saved = JIT_DEFAULTS.threshold;
    JIT_DEFAULTS.threshold = 1; // compile every function on its first call
    try {
      const cache = new ChunkCache();
      const a = quiet({ cache });
      const b = quiet({ cache });
      const plain = quiet();
      const compiled0 = jitStats.compiled;
      for (let i = 0; i < PROGRAMS.length; i++) {
        const expected = await runAll(plain, PROGRAMS[i], i);
        expect(await runAll(a, PROGRAMS[i], i)).toEqual(expected);
        expect(await runAll(b, PROGRAMS[i], i)).toEqual(expected);
        // and once more on each (globals persist per engine, the programs do not use any)
        expect(await runAll(a, PROGRAMS[i], i)).toEqual(expected);
      }
      expect(jitStats.compiled).toBeGreaterThan(compiled0);
      // every program compiled once by the cache: 3 runs each of run + runSync (the failing
      // third program: run only) = 15 lookups
      expect(cache.stats()).toMatchObject({ entries: PROGRAMS.length, misses: PROGRAMS.length, hits: 15 - PROGRAMS.length });
      // the shared proto carries compiled code made while engine a ran it, used by b
      const p = a.compile(PROGRAMS[0], '=prog0')._proto;
      expect(b.compile(PROGRAMS[0], '=prog0')._proto).toBe(p);
      expect(p.jit).not.toBe(null);
    } finally {
      JIT_DEFAULTS.threshold = saved;
    }
  });

  it('engine.compile, runSync and run use the cache; syntax errors are not cached', async () => {
    const e = quiet({ cache: { maxEntries: 10 } });
    const c1 = e.compile('return 40 + 2', '=c');
    const c2 = e.compile('return 40 + 2', '=c');
    expect(c2._proto).toBe(c1._proto);
    expect(e.runSync('return 40 + 2', { chunkname: '=c' }).values).toEqual([42]);
    expect((await e.run('return 40 + 2', { chunkname: '=c' })).values).toEqual([42]);
    expect(() => e.compile('return +', '=bad')).toThrow(LuaSyntaxError);
    expect(() => e.compile('return +', '=bad')).toThrow(LuaSyntaxError);
    // engines without a cache compile every time
    const n = quiet();
    expect(n.compile('return 1')._proto).not.toBe(n.compile('return 1')._proto);
    const f = quiet({ cache: false });
    expect(f.compile('return 1')._proto).not.toBe(f.compile('return 1')._proto);
  });

  it('state stays per engine: globals, upvalues and closures are not shared through the cache', () => {
    const cache = new ChunkCache();
    const a = quiet({ cache });
    const b = quiet({ cache });
    const src = 'counter = (counter or 0) + 1 local x = counter return x';
    expect(a.runSync(src).values).toEqual([1]);
    expect(a.runSync(src).values).toEqual([2]);
    expect(b.runSync(src).values).toEqual([1]);
    expect(a.runSync(src).values).toEqual([3]);
    expect(cache.stats()).toMatchObject({ entries: 1, misses: 1, hits: 3 });
  });

  it('an engine with a persistent cache runs from the store after a restart', async () => {
    const store = await openChunkDir(tmpDir());
    const src = 'local t = {} for i = 1, 50 do t[i] = i * i end return t[50], #t';
    const e1 = quiet({ cache: { store } });
    expect(e1.runSync(src).values).toEqual([2500, 50]);
    expect(store.list()).toHaveLength(1);
    const cache2 = new ChunkCache({ store });
    const e2 = quiet({ cache: cache2 });
    expect(e2.runSync(src).values).toEqual([2500, 50]);
    expect(cache2.stats()).toMatchObject({ storeHits: 1, misses: 0 });
    expect(store.clear()).toBe(1);
  });
});
