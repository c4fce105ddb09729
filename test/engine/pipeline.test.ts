// The pooled engine (LuaEngine option `pool`): every run goes compile -> acquire -> prepare
// -> execute -> convert -> release on a state of a StatePool, with a fresh _ENV over
// read-only libraries; host functions, modules and bridges reach every pooled state;
// metrics() for pooled and plain engines; shutdown. Clocks and timers are fakes: nothing
// here sleeps.
import { describe, expect, it } from 'vitest';
import {
  LuaEngine, ChunkCache, ConversionError, LuaAbortError, LuaInstructionLimitError,
  LuaMemoryLimitError, LuaRuntimeError, LuaSyntaxError, LuaTimeoutError, PoolShutdownError,
} from '../../src/index.js';
import type { EngineOptions, EnginePoolOptions, PoolTimers, Policy } from '../../src/index.js';

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

/** A promise settled by hand. */
class Deferred<T = unknown> {
  readonly promise: Promise<T>;
  resolve!: (v: T) => void;
  reject!: (e: unknown) => void;
  constructor() {
    this.promise = new Promise<T>((res, rej) => {
      this.resolve = res;
      this.reject = rej;
    });
  }
}

/** Let pending promise callbacks run. */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

function pooled(pool: EnginePoolOptions = {}, opts: EngineOptions = {}): { engine: LuaEngine; time: FakeTime } {
  const time = new FakeTime();
  const engine = new LuaEngine({
    stdout: () => {},
    stderr: () => {},
    ...opts,
    pool: { now: time.now, timers: time, cleanupIntervalMs: 0, ...pool },
  });
  return { engine, time };
}

/** The error a promise rejects with. */
async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('it did not reject');
}

// A run that checks that nothing earlier runs did is visible, then tries to leave traces
// everywhere it can reach. Each attempt is in a pcall: the ones a policy or the pool refuses
// raise errors, which are fine. Returns the number of traces found and their names.
const LEAKY = `
  local i = ...
  local bad = {}
  local function check(ok, what) if not ok then bad[#bad + 1] = what end end
  local function try(f, ...) pcall(f, ...) end
  check(leak_global == nil, "global")
  check(rawget(_G, "leak_raw") == nil, "rawset _G")
  check(getmetatable(_G) == nil, "metatable of _G")
  check(string.leak == nil and rawget(string, "leak") == nil, "string field")
  check(("x").leak == nil, "string method")
  check(table.leak == nil, "table field")
  check(type(table.insert) == "function", "table.insert replaced")
  check(math.pi > 3.14 and math.pi < 3.15, "math.pi")
  check(getmetatable("").__index == string, "string metatable __index")
  check(getmetatable("").leak == nil, "string metatable field")
  check(getmetatable("").__add == nil or getmetatable("").__add ~= print, "string metatable __add")
  check(host.leak == nil, "host module field")
  check(type(host.twice) == "function" and host.twice(2) == 4, "host module function")
  check(config.leak == nil and config.sub.leak == nil and config.name == "cfg", "host global table")
  check(package == nil or package.loaded.leak == nil, "package.loaded")
  check(package == nil or require("host") == host, "require of the host module")
  check(counter == nil, "counter global")
  check(io == nil or getmetatable(io.write("")).__index.write ~= print, "file handle methods")
  check(collectgarbage("count") > 0, "collectgarbage")
  -- now leave traces
  leak_global = i
  rawset(_G, "leak_raw", i)
  counter = (counter or 0) + 1
  try(setmetatable, _G, { __index = function () return "leak" end })
  try(function () string.leak = i end)
  try(rawset, string, "leak", i)
  try(function () table.leak = i end)
  try(function () table.insert = print end)
  try(function () math.pi = 3 end)
  try(function () getmetatable("").__index.leak = i end)
  try(function () getmetatable("").leak = i end)
  try(function () getmetatable("").__add = print end)
  try(rawset, getmetatable(""), "__index", { leak = i })
  try(setmetatable, string, { __index = function () return i end })
  try(function () host.leak = i end)
  try(function () host.twice = print end)
  try(function () config.leak = i end)
  try(function () config.sub.leak = i end)
  try(rawset, config, "leak", i)
  try(function () package.loaded.leak = i end)
  try(function () require("string").leak = i end)
  try(function () getmetatable(io.write("")).__index.write = print end)
  try(collectgarbage, "stop")
  try(function () string = nil end)
  return #bad, table.concat(bad, ", ")
`;

function leakEngine(policy: Policy, max: number): LuaEngine {
  const { engine } = pooled({ max }, { policy, cache: new ChunkCache() });
  engine.setModule('host', { twice: (x: number) => 2 * x });
  engine.set('config', { name: 'cfg', sub: { deep: true } });
  return engine;
}

describe('pooled engine: isolation', () => {
  for (const policy of ['standard', 'strict', 'minimal'] as const) {
    it(`0 leakage across 1000 pooled runs (${policy})`, async () => {
      const engine = leakEngine(policy, 2);
      const reports = new Set<string>();
      let violations = 0;
      for (let i = 1; i <= 500; i++) {
        // two at a time, so both states serve many runs
        const rs = await Promise.all([engine.run(LEAKY, { args: [2 * i] }), engine.run(LEAKY, { args: [2 * i + 1] })]);
        for (const r of rs) {
          violations += r.values[0] as number;
          if (r.values[0] !== 0) reports.add(String(r.values[1]));
        }
      }
      expect([...reports]).toEqual([]);
      expect(violations).toBe(0);
      const m = engine.metrics();
      expect(m.runs).toBe(1000);
      expect(m.ok).toBe(1000);
      expect(m.pool!.created).toBe(2);
      await engine.shutdown();
    });
  }

  it('(the same script on a plain engine does leak: the check above can see leaks)', () => {
    const engine = new LuaEngine({ stdout: () => {} });
    engine.setModule('host', { twice: (x: number) => 2 * x });
    engine.set('config', { name: 'cfg', sub: { deep: true } });
    expect(engine.runSync(LEAKY, { args: [1] }).values[0]).toBe(0);
    const [n, what] = engine.runSync(LEAKY, { args: [2] }).values;
    expect(n).toBeGreaterThan(5);
    expect(what).toMatch(/global.*string field/);
  });

  it('strict: read-only libraries that pairs and # still see, count-only collectgarbage, no load', async () => {
    const { engine } = pooled({}, { policy: 'strict' });
    const r = await engine.run(`
      local n = 0
      for k in pairs(string) do n = n + 1 end
      local ok, err = pcall(function () string.x = 1 end)
      local ok2, err2 = pcall(collectgarbage, "collect")
      return n, #table.pack(1, 2, 3), ok, err, ok2, err2, load, getmetatable("").__index == string`);
    expect(r.values[0]).toBeGreaterThan(10);
    expect(r.values.slice(1)).toEqual([
      3, false, "run:4: attempt to modify read-only table 'string' (field 'x')",
      false, "bad argument #1 to 'collectgarbage' (invalid option 'collect')", undefined, true,
    ]);
  });

  it('standard: libraries are read-only too (they are shared by the runs of a state)', async () => {
    const { engine } = pooled();
    await expect(engine.run('table.insert = nil')).rejects.toThrow("run:1: attempt to modify read-only table 'table' (field 'insert')");
    expect((await engine.run('x = 1 return x, table.concat({ 1, 2 }, "-"), io.write == nil, os.time() > 0')).values)
      .toEqual([1, '1-2', false, true]);
  });

  it('a run has the main thread of its state; its own globals come with the run', async () => {
    const { engine } = pooled();
    const r = await engine.run('local co, main = coroutine.running() return main, who, ...', {
      globals: { who: 'me' }, args: [1, 'two'],
    });
    expect(r.values).toEqual([true, 'me', 1, 'two']);
    expect((await engine.run('return who')).values).toEqual([undefined]);
  });
});

describe('pooled engine: host functions, modules and bridges in every state', () => {
  it('reach states made before and after a registration', async () => {
    const { engine } = pooled({ max: 3 });
    engine.setGlobal('hf', (x: number) => x + 1);
    engine.setModule('util', { up: (s: string) => s.toUpperCase() });
    const counter = { n: 0, bump(by: number) { this.n += by; return this.n; } };
    engine.registerBridge('counter', counter, { methods: ['bump'], properties: ['n'] });
    const gate = new Deferred();
    engine.setGlobal('wait', () => gate.promise);
    const src = 'wait() return hf(1), require("util").up("a"), util.up("b"), counter:bump(1)';
    // three runs at once: three states
    const first = [engine.run(src), engine.run(src), engine.run(src)];
    await flush();
    expect(engine.metrics().pool).toMatchObject({ inUse: 3, created: 3 });
    gate.resolve(undefined);
    const rs = await Promise.all(first);
    expect(rs.map((r) => r.values.slice(0, 3))).toEqual([[2, 'A', 'B'], [2, 'A', 'B'], [2, 'A', 'B']]);
    expect(counter.n).toBe(3);

    // a registration now: the states made before are out of date and replaced
    engine.setGlobal('late', () => 'late');
    const again = await Promise.all([engine.run('return late(), hf(2)'), engine.run('return late(), hf(3)')]);
    expect(again.map((r) => r.values)).toEqual([['late', 3], ['late', 4]]);
    expect(engine.metrics().pool!.discarded).toBeGreaterThanOrEqual(2);

    engine.unregisterBridge('counter');
    expect((await engine.run('return counter, package.loaded.counter')).values).toEqual([undefined, undefined]);
    engine.set('answer', 42);
    expect(engine.runSync('return answer').values).toEqual([42]);
  });

  it('a Lua function passed to a host function can be called during that call only', async () => {
    const { engine } = pooled();
    let kept: ((...a: unknown[]) => unknown) | null = null;
    engine.setGlobal('each', (t: number[], f: (...a: unknown[]) => unknown) => {
      kept = f;
      return t.map((x) => f(x)).join(',');
    });
    expect((await engine.run('return each({ 1, 2, 3 }, function (x) return x * 10 end)')).values).toEqual(['10,20,30']);
    expect(() => kept!(1)).toThrow(/only during the host call/);
    // functions cannot leave a run as results
    await expect(engine.run('return print')).rejects.toThrow(ConversionError);
    expect(() => engine.get('x')).toThrow(/not available on a pooled engine/);
    expect(() => engine.call('print')).toThrow(/not available on a pooled engine/);
  });

  it('init script and modules of the pool run in every state, after the host registrations', async () => {
    const { engine } = pooled({
      init: 'greeting = prefix("hello")',
      modules: { m: 'return { v = greeting .. "!" }' },
    });
    engine.setGlobal('prefix', (s: string) => `>${s}`);
    expect((await engine.run('return greeting, require("m").v')).values).toEqual(['>hello', '>hello!']);
  });
});

describe('pooled engine: runs, limits and the pool', () => {
  it('runs beyond max wait in FIFO order', async () => {
    const { engine } = pooled({ max: 1 });
    const gates = [new Deferred(), new Deferred(), new Deferred()];
    engine.setGlobal('wait', (i: number) => gates[i].promise);
    const order: number[] = [];
    const runs = [0, 1, 2].map((i) => engine.run(`return wait(${i})`).then((r) => {
      order.push(i);
      return r;
    }));
    await flush();
    expect(engine.metrics().pool).toMatchObject({ inUse: 1, waiting: 2, created: 1 });
    expect(engine.metrics().inFlight).toBe(3);
    // the later gates open first: the waiting runs still go in the order they came
    gates[2].resolve('c');
    gates[1].resolve('b');
    await flush();
    expect(order).toEqual([]);
    gates[0].resolve('a');
    const rs = await Promise.all(runs);
    expect(order).toEqual([0, 1, 2]);
    expect(rs.map((r) => r.values[0])).toEqual(['a', 'b', 'c']);
    expect(engine.metrics().pool).toMatchObject({ inUse: 0, waiting: 0, available: 1, created: 1 });
  });

  it('an abort while waiting for a state gives LuaAbortError and leaves the queue', async () => {
    const { engine } = pooled({ max: 1 });
    const gate = new Deferred();
    engine.setGlobal('wait', () => gate.promise);
    const first = engine.run('return wait()');
    const ac = new AbortController();
    const second = engine.run('return 2', { signal: ac.signal });
    await flush();
    expect(engine.metrics().pool!.waiting).toBe(1);
    ac.abort();
    const err = await rejection(second);
    expect(err).toBeInstanceOf(LuaAbortError);
    expect(err.message).toMatch(/waiting for a state/);
    expect(engine.metrics().pool!.waiting).toBe(0);
    gate.resolve(1);
    expect((await first).values).toEqual([1]);
    expect(engine.metrics().errors.LuaAbortError).toBe(1);
  });

  it('limits give the typed errors; stopped states are replaced and the pool stays healthy', async () => {
    const { engine } = pooled({ max: 2 }, { limits: { instructions: 1e6 } });
    const gate = new Deferred();
    engine.setGlobal('wait', () => gate.promise);
    await expect(engine.run('while true do end')).rejects.toThrow(LuaInstructionLimitError);
    await expect(engine.run('local t = {} for i = 1, 1e7 do t[i] = i end', { limits: { memoryBytes: 1 << 20 } }))
      .rejects.toThrow(LuaMemoryLimitError);
    await expect(engine.run('return string.rep("x", 1e8)', { limits: { memoryBytes: 1 << 20 } }))
      .rejects.toThrow(LuaMemoryLimitError);
    await expect(engine.run('while true do end', { limits: { instructions: 1e12, timeoutMs: 1 } }))
      .rejects.toThrow(LuaTimeoutError);
    const ac = new AbortController();
    const aborted = engine.run('wait()', { signal: ac.signal });
    await flush();
    ac.abort();
    await expect(aborted).rejects.toThrow(LuaAbortError);
    // script errors are the script's: its state goes back to the pool
    await expect(engine.run('error("boom")')).rejects.toThrow(LuaRuntimeError);
    await expect(engine.run('return +')).rejects.toThrow(LuaSyntaxError);
    const ok = await Promise.all([engine.run('return 1'), engine.run('return 2')]);
    expect(ok.map((r) => r.values[0])).toEqual([1, 2]);
    const m = engine.metrics();
    expect(m.errors).toEqual({
      LuaSyntaxError: 1, LuaRuntimeError: 1, LuaInstructionLimitError: 1, LuaMemoryLimitError: 2,
      LuaTimeoutError: 1, LuaAbortError: 1, other: 0,
    });
    // five stopped runs: five states closed. The state of the run that failed with a Lua
    // error went back to the pool, with a failure in its health record (the syntax error
    // never took a state); failing runs alone do not recycle a state
    expect(m.pool).toMatchObject({ discarded: 5, failedCreations: 0, inUse: 0, recycled: 0 });
    expect(m.pool!.created).toBe(m.pool!.available + 5);
    gate.resolve(undefined);
  });

  it('reuseStopped: a stopped run gives its state back as a failed run', async () => {
    const { engine } = pooled({ max: 1, reuseStopped: true }, { limits: { instructions: 1e5 } });
    for (let i = 0; i < 5; i++) {
      expect((await engine.run('return 6 * 7')).values).toEqual([42]);
      await expect(engine.run('while true do end')).rejects.toThrow(LuaInstructionLimitError);
    }
    expect((await engine.run('return 6 * 7')).values).toEqual([42]);
    // one state all along, with an error rate of 1/2 (health 0.75: kept)
    expect(engine.metrics().pool).toMatchObject({ created: 1, discarded: 0, recycled: 0 });
  });

  it('runSync takes an idle state or makes one, and says so when it cannot', async () => {
    const { engine } = pooled({ max: 1 });
    expect(engine.runSync('return 1 + 1').values).toEqual([2]);
    const gate = new Deferred();
    engine.setGlobal('wait', () => gate.promise);
    const busy = engine.run('return wait()');
    await flush();
    expect(() => engine.runSync('return 1')).toThrow(/no state of the pool is free.*use run\(\)/);
    gate.resolve('done');
    expect((await busy).values).toEqual(['done']);
    expect(engine.runSync('return 3').values).toEqual([3]);

    // with an async warm-up stage a state is never made synchronously
    const { engine: warm } = pooled({ max: 2, warmup: async () => {} });
    expect(() => warm.runSync('return 1')).toThrow(/no state of the pool is free/);
    await warm.run('return 1');
    expect(warm.runSync('return 4').values).toEqual([4]);
  });

  it('idle states beyond min are closed on the fake clock', async () => {
    const { engine, time } = pooled({ max: 3, min: 1, idleTimeoutMs: 1000, cleanupIntervalMs: 500 });
    const gate = new Deferred();
    engine.setGlobal('wait', () => gate.promise);
    const runs = [1, 2, 3].map(() => engine.run('return wait()'));
    await flush();
    gate.resolve(0);
    await Promise.all(runs);
    expect(engine.metrics().pool).toMatchObject({ available: 3, cleanedUp: 0 });
    time.advance(999);
    expect(engine.metrics().pool!.cleanedUp).toBe(0);
    time.advance(501);
    expect(engine.metrics().pool).toMatchObject({ available: 1, cleanedUp: 2 });
  });
});

describe('engine metrics', () => {
  it('figures add up on a pooled engine', async () => {
    const { engine } = pooled({ max: 2 }, { cache: new ChunkCache(), limits: { instructions: 1e5 } });
    let instructions = 0;
    for (let i = 0; i < 20; i++) instructions += (await engine.run('local x = 0 for i = 1, 100 do x = x + i end return x')).instructions;
    instructions += engine.runSync('return 1').instructions;
    for (const src of ['error("x")', 'return )', 'while true do end']) await engine.run(src).catch(() => {});
    const m = engine.metrics();
    expect(m.runs).toBe(24);
    expect(m.inFlight).toBe(0);
    const errors = Object.values(m.errors).reduce((a, b) => a + b, 0);
    expect(m.ok + errors).toBe(m.runs);
    expect(m.ok).toBe(21);
    expect(m.errors).toMatchObject({ LuaRuntimeError: 1, LuaSyntaxError: 1, LuaInstructionLimitError: 1 });
    // failed runs count their instructions too: the stopped one ran to its limit
    expect(m.instructions).toBeGreaterThanOrEqual(instructions + 1e5);
    expect(m.durations.total.count).toBe(24);
    expect(m.durations.compile.count).toBe(24);
    // the syntax error stopped at compile
    for (const st of ['acquire', 'prepare', 'execute', 'release'] as const) expect(m.durations[st].count, st).toBe(23);
    expect(m.durations.convert.count).toBe(21);
    for (const d of Object.values(m.durations)) {
      expect(d.p50).toBeLessThanOrEqual(d.p99);
      expect(d.p99).toBeLessThanOrEqual(d.max);
    }
    expect(m.durations.total.p50).toBeGreaterThan(0);
    expect(m.cache).toMatchObject({ misses: 5, hits: 19 });
    // (the stopped run's state was closed)
    expect(m.pool).toMatchObject({ inUse: 0, discarded: 1 });
    expect(m.memoryPeak).toBeGreaterThan(0);
  });

  it('a run that fails in a stage has a sample for it', async () => {
    const { engine } = pooled();
    await expect(engine.run('return print')).rejects.toThrow(ConversionError);
    await expect(engine.run('return 1', { globals: { f: Symbol('s') } })).rejects.toThrow(ConversionError);
    const d = engine.metrics().durations;
    expect([d.compile.count, d.acquire.count, d.prepare.count, d.execute.count, d.convert.count, d.release.count, d.total.count])
      .toEqual([2, 2, 2, 1, 1, 2, 2]);
    // a conversion error is the script's: the state goes back to the pool, not discarded
    const pm = engine.metrics().pool!;
    expect(pm).toMatchObject({ discarded: 0, recycled: 0 });
    expect(pm.created).toBe(pm.available);
  });

  it('a plain engine reports the same figures without the pool', async () => {
    const e = new LuaEngine({ stdout: () => {}, metricsSamples: 8 });
    for (let i = 0; i < 10; i++) e.runSync('return 1');
    await e.run('return 2');
    await e.run('error({})').catch(() => {});
    expect(() => e.runSync('return +')).toThrow(LuaSyntaxError);
    await expect(e.run('local t = {} for i = 1, 1e6 do t[i] = i end', { limits: { memoryBytes: 1 << 16 } }))
      .rejects.toThrow(LuaMemoryLimitError);
    const m = e.metrics();
    expect(m.pool).toBeUndefined();
    expect(m.cache).toBeUndefined();
    expect(m).toMatchObject({ runs: 14, ok: 11, inFlight: 0 });
    expect(m.errors).toMatchObject({ LuaRuntimeError: 1, LuaSyntaxError: 1, LuaMemoryLimitError: 1 });
    expect(m.durations.total).toMatchObject({ count: 14, window: 8 });
    expect(m.durations.execute.count).toBe(13);
    expect(m.durations.acquire.count).toBe(0);
    expect(m.memoryPeak).toBeGreaterThan(0);
  });
});

describe('shutdown', () => {
  it('waits for runs in flight, refuses new ones, and reports', async () => {
    const { engine } = pooled({ max: 3 });
    const gate = new Deferred();
    engine.setGlobal('wait', () => gate.promise);
    const runs = [engine.run('return wait()'), engine.run('return wait()')];
    await engine.run('return 1');
    await flush();
    const done = engine.shutdown({ deadline: 1000 });
    await expect(engine.run('return 1')).rejects.toThrow(/shutting down/);
    gate.resolve('ok');
    expect((await Promise.all(runs)).map((r) => r.values[0])).toEqual(['ok', 'ok']);
    expect(await done).toEqual({ closed: 3, abandoned: 0 });
    expect(engine.shutdown()).toBe(done);
    await expect(engine.run('return 1')).rejects.toThrow(/closed/);
  });

  it('abandons the runs still going at the deadline (fake timers)', async () => {
    const { engine, time } = pooled({ max: 2 });
    const gate = new Deferred();
    engine.setGlobal('wait', () => gate.promise);
    const run = engine.run('return wait()');
    const waiting = engine.run('return wait()');
    await flush();
    const done = engine.shutdown({ deadline: 50 });
    time.advance(50);
    expect(await done).toEqual({ closed: 0, abandoned: 2 });
    gate.resolve('late');
    await expect(run).rejects.toThrow(/closed while a run was waiting/);
    await expect(waiting).rejects.toThrow(/closed while a run was waiting/);
    expect(engine.metrics().errors.other).toBe(2);
  });

  it('rejects runs waiting for a state with PoolShutdownError', async () => {
    const { engine } = pooled({ max: 1 });
    const gate = new Deferred();
    engine.setGlobal('wait', () => gate.promise);
    const first = engine.run('return wait()');
    const second = engine.run('return 2');
    await flush();
    const done = engine.shutdown();
    await expect(second).rejects.toThrow(PoolShutdownError);
    gate.resolve(1);
    expect((await first).values).toEqual([1]);
    expect(await done).toEqual({ closed: 1, abandoned: 0 });
  });

  it('on a plain engine', async () => {
    const e = new LuaEngine({ stdout: () => {} });
    const gate = new Deferred();
    e.setGlobal('wait', () => gate.promise);
    const run = e.run('return wait()');
    await flush();
    const done = e.shutdown();
    expect(() => e.runSync('return 1')).toThrow(/shutting down/);
    gate.resolve(5);
    expect((await run).values).toEqual([5]);
    expect(await done).toEqual({ closed: 1, abandoned: 0 });
    expect(await new LuaEngine().shutdown({ deadline: 0 })).toEqual({ closed: 1, abandoned: 0 });
  });
});
