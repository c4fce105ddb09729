import { describe, expect, it } from 'vitest';
import {
  StatePool, PoolAbortError, PoolInitError, PoolShutdownError, PooledState,
} from '../../src/engine/pool.js';
import type { PoolTimers, StatePoolOptions } from '../../src/engine/pool.js';
import { createState, protectedCall } from '../../src/engine/runtime.js';
import { compileTextDetailed, mainClosure } from '../../src/stdlib/load.js';
import { LuaTable } from '../../src/vm/table.js';
import { LuaError } from '../../src/vm/errors.js';
import { Proto } from '../../src/vm/proto.js';
import type { LuaValue } from '../../src/vm/value.js';

/** A clock and timers that move only when told to. */
class FakeTime implements PoolTimers {
  t = 1000;
  private seq = 0;
  private timers = new Map<number, { at: number; fn: () => void; every: number }>();
  now = (): number => this.t;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + ms, fn, every: 0 });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.timers.delete(h as number);
  }
  setInterval(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + ms, fn, every: ms });
    return id;
  }
  clearInterval(h: unknown): void {
    this.timers.delete(h as number);
  }
  get pending(): number {
    return this.timers.size;
  }
  /** Move the clock, firing due timers in time order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void; every: number }] | null = null;
      for (const e of this.timers) if (e[1].at <= end && (next === null || e[1].at < next[1].at)) next = e;
      if (next === null) break;
      const [id, tm] = next;
      this.t = tm.at;
      if (tm.every > 0) tm.at += tm.every;
      else this.timers.delete(id);
      tm.fn();
    }
    this.t = end;
  }
}

function pool(opts: StatePoolOptions = {}): StatePool {
  return new StatePool({
    cleanupIntervalMs: 0,
    stateOptions: { stdout: () => {}, stderr: () => {} },
    ...opts,
  });
}

/** Run source as one run on a pooled state: all its results. */
function run(p: StatePool, st: PooledState, src: string): LuaValue[] {
  return protectedCall(st.vm, p.load(st, src), [], null);
}

/** Let pending promise callbacks run. */
async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('StatePool: acquire and release', () => {
  it('creates states on demand up to max and reuses released ones', async () => {
    const p = pool({ max: 2 });
    const a = await p.acquire();
    const b = await p.acquire();
    expect(a).not.toBe(b);
    expect(p.metrics()).toMatchObject({ available: 0, inUse: 2, waiting: 0, created: 2 });
    p.release(a, { ok: true, durationMs: 1 });
    expect(p.metrics()).toMatchObject({ available: 1, inUse: 1 });
    const c = await p.acquire();
    expect(c).toBe(a);
    expect(p.metrics().created).toBe(2);
    p.release(c, { ok: true, durationMs: 1 });
    expect(() => p.release(c, { ok: true, durationMs: 1 })).toThrow(/not in use/);
    p.release(b, { ok: true, durationMs: 1 });
    await p.shutdown();
  });

  it('waiters are served in FIFO order', async () => {
    const p = pool({ max: 1 });
    const first = await p.acquire();
    const order: number[] = [];
    const waits = [1, 2, 3, 4].map((i) => p.acquire().then((s) => {
      order.push(i);
      return s;
    }));
    await flush();
    expect(p.metrics().waiting).toBe(4);
    p.release(first, { ok: true, durationMs: 1 });
    let s = await waits[0];
    for (let i = 1; i < 4; i++) {
      p.release(s, { ok: true, durationMs: 1 });
      s = await waits[i];
      expect(s).toBe(first); // the same state goes from waiter to waiter
    }
    expect(order).toEqual([1, 2, 3, 4]);
    expect(p.metrics()).toMatchObject({ waiting: 0, inUse: 1, created: 1 });
    p.release(s, { ok: true, durationMs: 1 });
    await p.shutdown();
  });

  it('abort while waiting rejects with PoolAbortError and leaves the queue', async () => {
    const p = pool({ max: 1 });
    const held = await p.acquire();
    const ac = new AbortController();
    const aborted = p.acquire(ac.signal);
    const next = p.acquire();
    await flush();
    expect(p.metrics().waiting).toBe(2);
    ac.abort('enough');
    const err = await aborted.catch((e) => e);
    expect(err).toBeInstanceOf(PoolAbortError);
    expect(err.name).toBe('AbortError');
    expect(err.reason).toBe('enough');
    expect(p.metrics().waiting).toBe(1);
    // the released state skips the aborted waiter
    p.release(held, { ok: true, durationMs: 1 });
    expect(await next).toBe(held);
    // a signal aborted beforehand rejects at once
    const pre = new AbortController();
    pre.abort();
    await expect(p.acquire(pre.signal)).rejects.toBeInstanceOf(PoolAbortError);
    p.release(held, { ok: true, durationMs: 1 });
    await p.shutdown();
  });

  it('an abort after the state was handed over changes nothing', async () => {
    const p = pool({ max: 1 });
    const ac = new AbortController();
    const s = await p.acquire(ac.signal);
    ac.abort();
    expect(p.metrics().inUse).toBe(1);
    p.release(s, { ok: true, durationMs: 1 });
    expect(p.metrics().available).toBe(1);
    await p.shutdown();
  });

  it('discard closes a state and frees its place', async () => {
    const p = pool({ max: 1 });
    const s = await p.acquire();
    const waiter = p.acquire();
    p.discard(s);
    const t = await waiter;
    expect(t).not.toBe(s);
    expect(p.metrics()).toMatchObject({ discarded: 1, created: 2, inUse: 1 });
    p.release(t, { ok: true, durationMs: 1 });
    await p.shutdown();
  });

  it('prewarm makes min states', async () => {
    const p = pool({ min: 2, max: 3 });
    await p.prewarm();
    expect(p.metrics()).toMatchObject({ available: 2, created: 2 });
    await p.shutdown();
  });
});

describe('StatePool: shutdown', () => {
  it('rejects waiters and later acquires with PoolShutdownError', async () => {
    const time = new FakeTime();
    const p = pool({ max: 1, now: time.now, timers: time });
    const s = await p.acquire();
    const w1 = p.acquire();
    const w2 = p.acquire();
    const done = p.shutdown({ deadline: 5000 });
    await expect(w1).rejects.toBeInstanceOf(PoolShutdownError);
    await expect(w2).rejects.toBeInstanceOf(PoolShutdownError);
    await expect(p.acquire()).rejects.toBeInstanceOf(PoolShutdownError);
    expect(p.metrics().waiting).toBe(0);
    // the in-flight run finishes before the deadline: its state is closed
    p.release(s, { ok: true, durationMs: 3 });
    expect(await done).toEqual({ closed: 1, abandoned: 0, abandonedStates: [] });
    expect(await p.shutdown()).toEqual({ closed: 1, abandoned: 0, abandonedStates: [] });
  });

  it('closes idle states and abandons runs still going at the deadline', async () => {
    const time = new FakeTime();
    const p = pool({ max: 3, now: time.now, timers: time });
    const [a, b, c] = await Promise.all([p.acquire(), p.acquire(), p.acquire()]);
    p.release(a, { ok: true, durationMs: 1 });
    const done = p.shutdown({ deadline: 1000 });
    let report: unknown = null;
    done.then((r) => { report = r; });
    p.release(b, { ok: true, durationMs: 1 });
    time.advance(999);
    await flush();
    expect(report).toBeNull();
    time.advance(1);
    const r = await done;
    expect(r.closed).toBe(2);
    expect(r.abandoned).toBe(1);
    expect(r.abandonedStates).toEqual([c]);
    // the abandoned run may still release its state: it is closed, quietly
    expect(() => p.release(c, { ok: true, durationMs: 1 })).not.toThrow();
    expect(time.pending).toBe(0);
  });

  it('without in-flight runs it ends at once', async () => {
    const p = pool({ min: 1, max: 2 });
    await p.prewarm();
    expect(await p.shutdown({ deadline: 0 })).toMatchObject({ closed: 1, abandoned: 0 });
  });
});

describe('StatePool: making states', () => {
  it('runs init script, preloaded modules and warm-up, in order', async () => {
    const log: string[] = [];
    const p = pool({
      init: 'VERSION = "1.0"; helpers = { twice = function (x) return 2 * x end }',
      modules: {
        greet: 'local M = {} function M.hello(n) return "hello " .. n .. " v" .. VERSION end return M',
        host: (vm, name) => {
          const t = new LuaTable();
          t.setStr('name', name);
          t.setStr('answer', 42);
          return t;
        },
      },
      warmup: async (st, pl) => {
        await Promise.resolve();
        log.push(String(run(pl, st, 'return require("greet").hello("warm")')[0]));
      },
    });
    const s = await p.acquire();
    expect(log).toEqual(['hello warm v1.0']);
    expect(run(p, s, 'return require("greet").hello("x"), helpers.twice(21), require("host").answer, require("host").name'))
      .toEqual(['hello x v1.0', 42, 42, 'host']);
    p.release(s, { ok: true, durationMs: 1 });
    await p.shutdown();
  });

  it('a failure names its stage (PoolInitError.stage and .cause)', async () => {
    const boom = new Error('no state for you');
    const cases: [StatePoolOptions, string, RegExp][] = [
      [{ create: () => { throw boom; } }, 'create', /no state for you/],
      [{ init: 'error("init broke")' }, 'init', /init broke/],
      [{ init: 'x = = 1' }, 'init', /unexpected symbol/],
      [{ modules: { bad: 'return {' } }, 'preload', /bad/],
      [{ modules: { odd: 42 as any } }, 'preload', /neither Lua source nor a loader/],
      [{ warmup: async () => { throw new Error('cold'); } }, 'warmup', /cold/],
    ];
    for (const [opts, stage, msg] of cases) {
      const p = pool({ max: 1, ...opts });
      const err = await p.acquire().catch((e) => e);
      expect(err).toBeInstanceOf(PoolInitError);
      expect(err.stage).toBe(stage);
      expect(err.message).toMatch(msg);
      expect(err.cause).toBeDefined();
      if (stage === 'create') expect(err.cause).toBe(boom);
      if (stage === 'init') expect(err.cause).toBeInstanceOf(LuaError);
      // the failed creation gave its place back
      expect(p.metrics()).toMatchObject({ creating: 0, inUse: 0, created: 0, failedCreations: 1 });
      await p.shutdown();
    }
  });

  it('a failed creation for one waiter does not block the next', async () => {
    let n = 0;
    const p = pool({
      max: 1,
      create: () => {
        if (n++ === 1) throw new Error('flaky');
        return createState({ stdout: () => {} });
      },
    });
    const s = await p.acquire();
    const w1 = p.acquire();
    const w2 = p.acquire();
    p.discard(s); // frees the place: w1 gets a new state made for it, which fails
    await expect(w1).rejects.toMatchObject({ stage: 'create' });
    const t = await w2;
    expect(t).toBeInstanceOf(PooledState);
    p.release(t, { ok: true, durationMs: 1 });
    await p.shutdown();
  });
});

describe('StatePool: health', () => {
  it('scores by the documented formula', async () => {
    const time = new FakeTime();
    const p = pool({
      max: 1, now: time.now, timers: time,
      health: { window: 4, slowRunMs: 100, maxAgeMs: 10000, maxUses: 100, maxMemoryGrowth: 1000, recycleBelow: 0 },
    });
    const s = await p.acquire();
    expect(p.health(s).score).toBe(1);
    p.release(s, { ok: false, durationMs: 1, memoryBytes: s.baselineMemory });
    // e = 1, u = 0.01
    expect(p.health(s).score).toBeCloseTo(0.5 * (1 - 0.0001), 10);
    await p.acquire();
    p.release(s, { ok: true, durationMs: 500, memoryBytes: s.baselineMemory + 500 });
    time.advance(5000);
    // e = 1/2, s = 1/2, m = 0.5, a = 0.5, u = 0.02
    const expected = (1 - 0.25) * (1 - 0.15) * (1 - 0.25) * (1 - 0.25) * (1 - 0.0004);
    const h = p.health(s);
    expect(h.score).toBeCloseTo(expected, 10);
    expect(h).toMatchObject({ errorRate: 0.5, slowRate: 0.5, memoryGrowth: 500, ageMs: 5000, uses: 2, healthy: false });
    // the window forgets old runs
    for (let i = 0; i < 4; i++) {
      await p.acquire();
      p.release(s, { ok: true, durationMs: 1, memoryBytes: s.baselineMemory });
    }
    expect(p.health(s)).toMatchObject({ errorRate: 0, slowRate: 0, memoryGrowth: 0 });
    await p.shutdown();
  });

  it('recycles an unhealthy state on release (closed and replaced)', async () => {
    const p = pool({ max: 1, health: { slowRunMs: 10, recycleBelow: 0.5 } });
    const s = await p.acquire();
    run(p, s, 'x = 1');
    p.release(s, { ok: true, durationMs: 1 });
    expect(p.metrics().recycled).toBe(0);
    expect(await p.acquire()).toBe(s);
    // failing and slow runs: e = s = 1/2, 2/3, 3/4 give
    // (1 - 0.5 e)(1 - 0.3 s) = 0.6375, 0.5333, 0.4844: recycled at the third
    for (const want of [0.6375, 0.53333]) {
      p.release(s, { ok: false, durationMs: 50 });
      expect(s.lastHealth).toBeCloseTo(want, 3);
      expect(p.metrics().recycled).toBe(0);
      expect(await p.acquire()).toBe(s);
    }
    p.release(s, { ok: false, durationMs: 50 });
    expect(s.lastHealth).toBeCloseTo(0.484375, 3);
    expect(p.metrics()).toMatchObject({ recycled: 1, available: 0, inUse: 0 });
    const t = await p.acquire();
    expect(t).not.toBe(s);
    expect(p.metrics().created).toBe(2);
    expect(p.health(t).healthy).toBe(true);
    p.release(t, { ok: true, durationMs: 1 });
    await p.shutdown();
  });

  it('recycles at the use limit and at the memory limit; a waiter gets the replacement', async () => {
    const p = pool({ max: 1, health: { maxUses: 3, maxMemoryGrowth: 1 << 20 } });
    let s = await p.acquire();
    for (let i = 0; i < 2; i++) {
      p.release(s, { ok: true, durationMs: 1 });
      expect(await p.acquire()).toBe(s);
    }
    const waiter = p.acquire();
    p.release(s, { ok: true, durationMs: 1 }); // third use: u = 1, score 0
    const t = await waiter;
    expect(t).not.toBe(s);
    expect(p.metrics().recycled).toBe(1);
    p.release(t, { ok: true, durationMs: 1, memoryBytes: t.baselineMemory + (1 << 20) });
    expect(p.metrics().recycled).toBe(2);
    s = await p.acquire();
    expect(s).not.toBe(t);
    p.release(s, { ok: true, durationMs: 1 });
    await p.shutdown();
  });
});

describe('StatePool: idle cleanup', () => {
  it('closes idle states beyond min after idleTimeoutMs (fake clock, cleanup())', async () => {
    const time = new FakeTime();
    const p = pool({ min: 1, max: 3, idleTimeoutMs: 10000, now: time.now, timers: time });
    const states = await Promise.all([p.acquire(), p.acquire(), p.acquire()]);
    p.release(states[0], { ok: true, durationMs: 1 });
    time.advance(3000);
    p.release(states[1], { ok: true, durationMs: 1 });
    p.release(states[2], { ok: true, durationMs: 1 });
    expect(p.metrics().available).toBe(3);
    time.advance(6999);
    expect(p.cleanup()).toBe(0);
    time.advance(1); // states[0] idle for 10000 ms
    expect(p.cleanup()).toBe(1);
    expect(p.metrics()).toMatchObject({ available: 2, cleanedUp: 1 });
    time.advance(3000); // the others too, but min = 1 stays
    expect(p.cleanup()).toBe(1);
    expect(p.metrics()).toMatchObject({ available: 1, cleanedUp: 2 });
    time.advance(100000);
    expect(p.cleanup()).toBe(0);
    // the survivor is the most recently released one, and still works
    const s = await p.acquire();
    expect(s).toBe(states[2]);
    expect(run(p, s, 'return 1 + 1')).toEqual([2]);
    p.release(s, { ok: true, durationMs: 1 });
    await p.shutdown();
  });

  it('runs cleanup on its own timer', async () => {
    const time = new FakeTime();
    const p = new StatePool({ max: 2, idleTimeoutMs: 5000, cleanupIntervalMs: 1000, now: time.now, timers: time });
    const [a, b] = await Promise.all([p.acquire(), p.acquire()]);
    p.release(a, { ok: true, durationMs: 1 });
    p.release(b, { ok: true, durationMs: 1 });
    time.advance(4000);
    expect(p.metrics().cleanedUp).toBe(0);
    time.advance(1000);
    expect(p.metrics()).toMatchObject({ cleanedUp: 2, available: 0 });
    await p.shutdown();
    expect(time.pending).toBe(0);
  });

  it('replaces idle states that grew too old', async () => {
    const time = new FakeTime();
    const p = pool({ min: 1, max: 1, idleTimeoutMs: Infinity, now: time.now, timers: time, health: { maxAgeMs: 60000 } });
    await p.prewarm();
    const s = await p.acquire();
    p.release(s, { ok: true, durationMs: 1 });
    time.advance(60000);
    expect(p.cleanup()).toBe(1);
    expect(p.metrics().recycled).toBe(1);
    const t = await p.acquire();
    expect(t).not.toBe(s);
    p.release(t, { ok: true, durationMs: 1 });
    await p.shutdown();
  });
});

describe('StatePool: a fresh _ENV per run', () => {
  it('behaves like lua5.4 for ordinary scripts', async () => {
    const p = pool({
      init: 'config = { list = { 10, 20, 30 }, name = "cfg", sub = { deep = true } }',
      modules: { m: 'local M = { n = 0 } function M.inc() M.n = M.n + 1 return M.n end return M' },
    });
    const s = await p.acquire();
    const r = run(p, s, `
      local names = {}
      for k in pairs(_ENV) do names[#names + 1] = k end
      table.sort(names)
      local libs = 0
      for k, v in pairs(string) do libs = libs + 1 end
      local items = {}
      for i, v in ipairs(config.list) do items[#items + 1] = v end
      local m = require "m"
      m.inc()
      x = 5
      return table.concat(names, " "), ("x"):upper(), ("%d-%s"):format(7, "a"), libs,
        #config.list, table.concat(items, ","), config.sub.deep, m.inc(), require("m") == m,
        _G == _ENV, _G.x, package.loaded._G == _G, require("string") == string,
        getmetatable("").__index == string, type(string.format), load("return x")(),
        select("#", table.unpack(config.list)), math.max(table.unpack(config.list))`);
    const globals = String(r[0]).split(' ');
    for (const g of ['_G', '_VERSION', 'assert', 'collectgarbage', 'config', 'coroutine', 'debug', 'error', 'getmetatable',
      'io', 'ipairs', 'load', 'math', 'next', 'os', 'package', 'pairs', 'pcall', 'print', 'rawset', 'require',
      'select', 'setmetatable', 'string', 'table', 'tostring', 'type', 'utf8', 'xpcall']) {
      expect(globals).toContain(g);
    }
    expect(globals).not.toContain('x');
    expect(r.slice(1)).toEqual(['X', '7-a', 17, 3, '10,20,30', true, 2, true, true, 5, true, true, true, 'function', 5, 3, 30]);
    p.release(s, { ok: true, durationMs: 1 });
    await p.shutdown();
  });

  it('modules from files load with the run\'s _ENV and are cached per run; debug modes', async () => {
    const files: Record<string, string> = { './lib.lua': 'counter = (counter or 0) + 1 return { n = counter }' };
    const p = pool({ stateOptions: { stdout: () => {}, readFile: (f) => files[f] ?? null } });
    const s = await p.acquire();
    expect(run(p, s, 'local a = require "lib" local b = require "lib" return a.n, a == b, counter, dofile("./lib.lua").n, loadfile("./lib.lua")().n'))
      .toEqual([1, true, 1, 2, 3]);
    expect(run(p, s, 'return require("lib").n, counter')).toEqual([1, 1]);
    // the collector sees what a run holds (its env, package, loaded modules)
    expect(run(p, s, `
      package = nil
      local w = setmetatable({}, { __mode = "v" })
      w[1] = require("lib")
      w[2] = string
      collectgarbage()
      return w[1] == require("lib"), w[2] == string`)).toEqual([true, true]);
    p.release(s, { ok: true, durationMs: 1 });
    await p.shutdown();
    for (const [mode, want] of [['none', [true, true]], ['full', [false, false]]] as const) {
      const q = pool({ debug: mode });
      const t = await q.acquire();
      expect(run(q, t, 'return debug == nil, package.loaded.debug == nil')).toEqual(want);
      if (mode === 'full') expect(run(q, t, 'return type(debug.getlocal)')).toEqual(['function']);
      q.release(t, { ok: true, durationMs: 1 });
      await q.shutdown();
    }
  });

  it('refuses changes to shared tables with a clear error', async () => {
    const p = pool({ init: 'config = { sub = {} }' });
    const s = await p.acquire();
    const msg = (src: string): unknown => {
      try {
        run(p, s, src);
        return null;
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(msg('string.x = 1')).toBe("run:1: attempt to modify read-only table 'string' (field 'x')");
    expect(msg('table.insert = nil')).toBe("run:1: attempt to modify read-only table 'table' (field 'insert')");
    expect(msg('getmetatable("").__index.y = 1')).toBe("run:1: attempt to modify read-only table 'string' (field 'y')");
    expect(msg('getmetatable("").__add = print')).toMatch(/read-only table 'string metatable' \(field '__add'\)/);
    expect(msg('config.sub.z = 1')).toBe("run:1: attempt to modify a read-only table (field 'z')");
    expect(msg('table.insert(string, 1)')).toMatch(/read-only/);
    expect(msg('setmetatable(string, {})')).toBe('run:1: cannot change a protected metatable');
    expect(msg('setmetatable(getmetatable(""), nil)')).toBe('run:1: cannot change a protected metatable');
    // the package table is the run's own: writable
    expect(msg('package.path = "./?.lua"; package.preload.mine = function () return 1 end; assert(require("mine") == 1)')).toBeNull();
    p.release(s, { ok: true, durationMs: 1 });
    await p.shutdown();
  });

  it('the run gets proxies only: rawset, debug and load cannot reach the shared tables', async () => {
    const p = pool({});
    const s = await p.acquire();
    const G = s.vm.globals;
    const realString = G.getStr('string') as LuaTable;
    const r = run(p, s, `
      rawset(string, "a", 1)
      rawset(getmetatable(""), "__index", {})
      rawset(_G, "b", 2)
      local f = load("c = 3; string2 = string")
      f()
      return string.a, ("x"):upper(), debug.getmetatable, debug.setmetatable, debug.getregistry,
        debug.sethook, getmetatable(string), next(string)`);
    // (the run sees its own rawset in its proxy)
    expect(r).toEqual([1, 'X', undefined, undefined, undefined, undefined, undefined, 'a', 1]);
    expect(realString.getStr('a')).toBeUndefined();
    expect(G.getStr('b')).toBeUndefined();
    expect(G.getStr('c')).toBeUndefined();
    expect(s.vm.stringMeta!.getStr('__index')).toBe(realString);
    // the next run starts clean
    expect(run(p, s, 'return string.a, b, c, rawget(string, "a"), next(string), ("x"):upper()'))
      .toEqual([undefined, undefined, undefined, undefined, undefined, 'X']);
    p.release(s, { ok: true, durationMs: 1 });
    await p.shutdown();
  });

  it('a fresh environment per prepareEnv; bind() sets the first upvalue', async () => {
    const p = pool({});
    const s = await p.acquire();
    const e1 = p.prepareEnv(s);
    const e2 = p.prepareEnv(s);
    expect(e1).not.toBe(e2);
    expect(e1.getStr('_G')).toBe(e1);
    const proto = compileTextDetailed('y = (y or 0) + 1 return y', '=b');
    expect(proto).toBeInstanceOf(Proto);
    const f = p.bind(proto as Proto, e1);
    expect(protectedCall(s.vm, f, [], null)).toEqual([1]);
    expect(protectedCall(s.vm, f, [], null)).toEqual([2]);
    expect(e1.getStr('y')).toBe(2);
    expect(e2.getStr('y')).toBeUndefined();
    p.release(s, { ok: true, durationMs: 1 });
    await p.shutdown();
  });

  it('restores library state kept outside tables (collector, warn, random seed)', async () => {
    const p = pool({ max: 1 });
    let s = await p.acquire();
    run(p, s, 'collectgarbage("stop"); collectgarbage("generational"); warn("@on"); math.randomseed(42)');
    expect(s.vm.gcrunning).toBe(false);
    p.release(s, { ok: true, durationMs: 1 });
    s = await p.acquire();
    expect(run(p, s, 'return collectgarbage("isrunning")')).toEqual([true]);
    expect(s.vm.gcmode).toBe('incremental');
    expect(s.vm.warnOn).toBe(false);
    // seeded with 42 in the last run; this run's numbers do not repeat that sequence
    const seeded = run(p, s, 'math.randomseed(42) return math.random(1, 1e9), math.random(1, 1e9)');
    p.release(s, { ok: true, durationMs: 1 });
    s = await p.acquire();
    expect(run(p, s, 'return math.random(1, 1e9), math.random(1, 1e9)')).not.toEqual(seeded);
    p.release(s, { ok: true, durationMs: 1 });
    await p.shutdown();
  });

  const LEAKY_RUN = `
    local i = ...
    local bad = {}
    local function check(ok, what) if not ok then bad[#bad + 1] = what end end
    -- what earlier runs did must not be visible
    check(leak_global == nil, "global")
    check(rawget(_G, "leak_raw") == nil, "rawset _G")
    check(string.leak == nil and rawget(string, "leak") == nil, "string field")
    check(("x").leak == nil, "string method")
    check(table.leak == nil, "table field")
    check(type(table.insert) == "function" and table.insert ~= print, "table.insert replaced")
    check(getmetatable("").__add ~= print and ("1") + 1 == 2, "string metatable __add")
    check(getmetatable("").__index == string, "string metatable __index")
    check(getmetatable("").leak == nil, "string metatable field")
    check(math.pi > 3.14 and math.pi < 3.15, "math.pi")
    check(require("mod").counter == 0, "module state")
    check(package.loaded.extra == nil, "package.loaded")
    check(string.sub(package.path, 1, 5) ~= "leak;", "package.path")
    check(loaded_by_load == nil, "global set by load")
    check(_G.leak_via_G == nil, "_G field")
    -- now try to leave traces
    leak_global = i
    rawset(_G, "leak_raw", i)
    _G.leak_via_G = i
    pcall(function () string.leak = i end)
    pcall(function () table.leak = i end)
    pcall(function () table.insert = print end)
    pcall(function () math.pi = 3 end)
    rawset(string, "leak", i)
    rawset(table, "leak", i)
    pcall(function () getmetatable("").__add = function () return i end end)
    pcall(function () getmetatable("").__index.leak = i end)
    pcall(function () getmetatable("").leak = i end)
    pcall(rawset, getmetatable(""), "__index", { leak = i })
    pcall(rawset, getmetatable(""), "__add", print)
    pcall(setmetatable, string, { __index = function () return i end })
    local m = require("mod")
    m.counter = m.counter + 1
    package.loaded.extra = { i }
    package.path = "leak;" .. package.path
    load("loaded_by_load = ...")(i)
    pcall(function () package.loaded.string.leak = i end)
    pcall(function () require("string").leak = i end)
    return #bad, table.concat(bad, ", ")
  `;

  it('0 leakage of globals across 1000 pooled runs', async () => {
    const p = pool({ max: 2, modules: { mod: 'return { counter = 0 }' } });
    const proto = compileTextDetailed(LEAKY_RUN, '=leaky') as Proto;
    const vmsUsed = new Set<unknown>();
    let violations = 0;
    const reports = new Set<string>();
    let runs = 0;
    for (let i = 1; i <= 500; i++) {
      // two at a time, so both states are reused many times: 1000 runs
      const [a, b] = await Promise.all([p.acquire(), p.acquire()]);
      for (const s of [a, b]) {
        vmsUsed.add(s.vm);
        runs++;
        const [n, what] = protectedCall(s.vm, p.bind(proto, p.prepareEnv(s)), [i], null);
        violations += n as number;
        if (n !== 0) reports.add(String(what));
      }
      p.release(a, { ok: true, durationMs: 0 });
      p.release(b, { ok: true, durationMs: 0 });
    }
    expect([...reports]).toEqual([]);
    expect(violations).toBe(0);
    expect(runs).toBe(1000);
    expect(vmsUsed.size).toBe(2);
    expect(p.metrics().created).toBe(2);
    await p.shutdown();
  });

  it('(the same script in a plain state does leak: the check above can see leaks)', () => {
    const vm = createState({ stdout: () => {} });
    const pre = vm.globals.getStr('package').getStr('preload') as LuaTable;
    const mod = compileTextDetailed('return { counter = 0 }', '=mod') as Proto;
    pre.setStr('mod', mainClosure(vm, mod));
    const proto = compileTextDetailed(LEAKY_RUN, '=leaky') as Proto;
    expect(protectedCall(vm, mainClosure(vm, proto), [1], null)[0]).toBe(0);
    const [n, what] = protectedCall(vm, mainClosure(vm, proto), [2], null);
    expect(n).toBeGreaterThan(10);
    expect(what).toMatch(/global.*string field.*string metatable __add/);
  });
});
