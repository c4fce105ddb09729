// Hard limits: instructions (exact, library work charged), memory, string size, time, call
// depth. A script cannot catch them; pending <close> variables are closed; the engine stays
// usable.
import { describe, expect, it } from 'vitest';
import {
  LuaEngine, LuaInstructionLimitError, LuaMemoryLimitError, LuaTimeoutError, LuaRuntimeError,
  LuaLimitError,
} from '../../src/index.js';
import type { Limits, Policy } from '../../src/index.js';

function engine(limits: Limits, out: string[] = [], policy: Policy = 'standard'): LuaEngine {
  return new LuaEngine({ limits, policy, stdout: (s) => { out.push(s); } });
}

/** Run and return [error class name, ms taken]. */
function stop(e: LuaEngine, src: string): [string, number, Error] {
  const t0 = performance.now();
  try {
    e.runSync(src);
  } catch (err) {
    return [(err as Error).constructor.name, performance.now() - t0, err as Error];
  }
  throw new Error(`no limit stopped: ${src}`);
}

describe('instruction limit', () => {
  it('is exact: a run of N instructions passes with limit N and stops with N - 1', () => {
    const src = 'local x = 0 for i = 1, 100 do x = x + i end return x';
    const n = new LuaEngine().runSync(src).instructions;
    expect(n).toBeGreaterThan(200);
    expect(engine({ instructions: n }).runSync(src).values).toEqual([5050]);
    const [name] = stop(engine({ instructions: n - 1 }), src);
    expect(name).toBe('LuaInstructionLimitError');
  });

  it('counts per run, and a run limit applies over the engine limit', () => {
    const e = engine({ instructions: 1000 });
    for (let i = 0; i < 5; i++) expect(e.runSync('local x = 0 for i = 1, 100 do x = x + i end return x').values).toEqual([5050]);
    expect(() => e.runSync('for i = 1, 1000 do end')).toThrow(LuaInstructionLimitError);
    expect(e.runSync('for i = 1, 1000 do end', { limits: { instructions: 1e5 } }).instructions).toBeGreaterThan(1000);
  });

  it('cannot be caught by pcall, xpcall, error handlers or coroutines', () => {
    const e = engine({ instructions: 1e5 });
    for (const src of [
      'while true do pcall(function() while true do end end) end',
      'while true do xpcall(function() while true do end end, function(m) return m end) end',
      'local ok = pcall(function() while true do end end) error("caught: " .. tostring(ok))',
      'xpcall(error, function() while true do end end)',
      'local co = coroutine.wrap(function() while true do end end) co()',
      'while true do coroutine.resume(coroutine.create(function() while true do end end)) end',
      'local t = setmetatable({}, { __index = function() while true do end end }) return pcall(function() return t.x end)',
      'for k in (function() while true do end end) do end',
      'return tostring(setmetatable({}, { __tostring = function() while true do end end }))',
      'while true do table.sort({3, 2, 1}, function(a, b) while true do end end) end',
      'return string.gsub("aaa", "a", function() while true do end end)',
    ]) {
      expect(stop(e, src)[0], src).toBe('LuaInstructionLimitError');
    }
    expect(e.runSync('return 6 * 7').values).toEqual([42]);
  });

  it('library work is charged: a catastrophic pattern stops inside one call', () => {
    const e = engine({ instructions: 1e6 });
    const [name, ms] = stop(e, 'return string.find(string.rep("a", 40), string.rep("a*", 40) .. "b")');
    expect(name).toBe('LuaInstructionLimitError');
    expect(ms).toBeLessThan(2000);
    expect(stop(e, 'table.move({}, 1, 1e12, 1, {})')[0]).toBe('LuaInstructionLimitError');
    expect(stop(e, 'local t = {} for i = 1, 2000 do t[i] = -i end for i = 1, 1e6 do table.sort(t) end')[0]).toBe('LuaInstructionLimitError');
  });

  it('holds in a thread with a debug hook', () => {
    const src = 'local n = 0 debug.sethook(function() n = n + 1 end, "", 10) for i = 1, 1e9 do end';
    expect(stop(engine({ instructions: 1e5 }, [], 'full'), src)[0]).toBe('LuaInstructionLimitError');
  });
});

describe('memory limit', () => {
  const MB = 1 << 20;

  it('an allocation that would pass it fails before it happens', () => {
    const e = engine({ memoryBytes: 8 * MB });
    const [name, ms] = stop(e, 'return string.rep("x", 1e9)');
    expect(name).toBe('LuaMemoryLimitError');
    expect(ms).toBeLessThan(50);
    expect(stop(e, 'return ("x"):rep(1e6):rep(100)')[0]).toBe('LuaMemoryLimitError');
    expect(stop(e, 'local t = {} for i = 1, 20 do t[i] = ("x"):rep(1e6) end return table.concat(t)')[0]).toBe('LuaMemoryLimitError');
  });

  it('stops string, table and closure bombs', () => {
    const e = engine({ memoryBytes: 8 * MB, instructions: 1e8 });
    for (const src of [
      'local s = "x" while true do s = s .. s end',
      'local t = {} for i = 1, 1e9 do t[i] = i end',
      'local t = {} while true do t[#t + 1] = {} end',
      'local t = {} local i = 0 while true do i = i + 1 t["k" .. i] = i end',
      'local t = {} while true do local x = #t t[#t + 1] = function() return x end end',
      'local t = {} while true do t[#t + 1] = coroutine.create(print) end',
      'local s = string.rep("a", 1000) local t = {} while true do t[#t + 1] = s .. #t end',
    ]) {
      expect(stop(e, src)[0], src).toBe('LuaMemoryLimitError');
    }
  });

  it('garbage does not count: a loop that drops what it builds runs to the end', () => {
    const e = engine({ memoryBytes: 4 * MB });
    const r = e.runSync('local n = 0 for i = 1, 2000 do local s = ("x"):rep(10000) .. i n = n + #s end return n');
    expect(r.values[0]).toBeGreaterThan(2000 * 10000);
    expect(r.memoryPeak).toBeGreaterThan(10000);
    expect(r.memoryPeak).toBeLessThanOrEqual(4 * MB);
  });

  it('the string limit bounds one string', () => {
    const e = engine({ stringBytes: 1000 });
    expect(e.runSync('return #("x"):rep(1000)').values).toEqual([1000]);
    const [name, , err] = stop(e, 'return ("x"):rep(1001)');
    expect(name).toBe('LuaMemoryLimitError');
    expect(err.message).toMatch(/string limit/);
    expect(stop(e, 'local s = ("x"):rep(600) return s .. s')[0]).toBe('LuaMemoryLimitError');
    expect(stop(e, 'return pcall(string.rep, "x", 5000)')[0]).toBe('LuaMemoryLimitError');
  });
});

describe('time limit', () => {
  it('stops a loop within a few milliseconds of its deadline', () => {
    const e = engine({ timeoutMs: 20 });
    const [name, ms, err] = stop(e, 'while true do end');
    expect(name).toBe('LuaTimeoutError');
    expect(err).toBeInstanceOf(LuaLimitError);
    expect(ms).toBeGreaterThanOrEqual(19);
    expect(ms).toBeLessThan(70);
  });

  it('stops inside a long library call', () => {
    const e = engine({ timeoutMs: 20 });
    const [name, ms] = stop(e, 'return string.find(string.rep("a", 40), string.rep("a*", 40) .. "b")');
    expect(name).toBe('LuaTimeoutError');
    expect(ms).toBeLessThan(70);
  });

  it('covers waiting for host Promises, and closes pending <close> variables', async () => {
    const out: string[] = [];
    const e = engine({ timeoutMs: 30 }, out);
    e.setGlobal('never', () => new Promise(() => {}));
    const t0 = performance.now();
    await expect(e.run(`
      local x <close> = setmetatable({}, { __close = function(_, err) print("closed x:", err) end })
      never()
    `)).rejects.toBeInstanceOf(LuaTimeoutError);
    expect(performance.now() - t0).toBeLessThan(80);
    expect(out.join('')).toBe('closed x:\tthe run exceeded its time limit of 30 ms\n');
    expect((await e.run('return 1')).values).toEqual([1]);
  });
});

describe('after a limit', () => {
  it('pending <close> variables are closed, innermost first, also in coroutines', () => {
    const out: string[] = [];
    const e = engine({ instructions: 1e5 }, out);
    expect(() => e.runSync(`
      local function closer(name) return setmetatable({}, { __close = function() print("close " .. name) end }) end
      local a <close> = closer("a")
      local co = coroutine.wrap(function()
        local b <close> = closer("b")
        pcall(function()
          local c <close> = closer("c")
          while true do end
        end)
      end)
      co()
    `)).toThrow(LuaInstructionLimitError);
    expect(out.join('')).toBe('close c\nclose b\nclose a\n');
  });

  it('a closing handler that never ends is stopped by the extra budget; the host gets the first error', () => {
    const out: string[] = [];
    const e = engine({ instructions: 1e5 }, out);
    expect(() => e.runSync(`
      local a <close> = setmetatable({}, { __close = function() print("a") end })
      local b <close> = setmetatable({}, { __close = function() while true do end end })
      while true do end
    `)).toThrow(LuaInstructionLimitError);
    expect(out.join('')).toBe('');
    expect(e.runSync('return 2').values).toEqual([2]);
  });

  it('the engine runs normal scripts correctly, globals and coroutines intact', () => {
    const e = engine({ instructions: 1e5 });
    e.runSync('counter = 1 gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)');
    expect(() => e.runSync('counter = 2 local co = coroutine.wrap(function() while true do end end) co()')).toThrow(LuaInstructionLimitError);
    expect(e.runSync('return counter, gen(), gen()').values).toEqual([2, 1, 2]);
    expect(e.runSync('local t = {} for i = 1, 10 do t[i] = i * i end return table.concat(t, ",")').values)
      .toEqual(['1,4,9,16,25,36,49,64,81,100']);
  });

  it('a limit reached in Lua called back by a host function is not catchable either', () => {
    const e = engine({ instructions: 1e5 });
    e.runSync('function spin() while true do end end');
    e.setGlobal('callBack', () => e.call('spin'));
    expect(stop(e, 'local ok, err = pcall(callBack) error("caught " .. tostring(err))')[0]).toBe('LuaInstructionLimitError');
  });
});

describe('call depth', () => {
  it('gives the Lua error "stack overflow", which pcall catches as in Lua', () => {
    const e = engine({ callDepth: 50 });
    expect(e.runSync('local function f() return 1 + f() end local ok, m = pcall(f) return ok, m').values)
      .toEqual([false, 'run:1: stack overflow']);
    expect(() => e.runSync('local function f() return 1 + f() end f()')).toThrow(LuaRuntimeError);
    expect(e.runSync('local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end return f(40)').values).toEqual([40]);
  });

  it('counts host functions calling back into Lua', () => {
    const e = engine({ callDepth: 60 });
    e.setGlobal('viaHost', (f: (n: number) => unknown, n: number) => f(n));
    const r = e.runSync('local function f(n) return viaHost(f, n + 1) end return pcall(f, 0)');
    expect(r.values[0]).toBe(false);
    expect(String(r.values[1])).toMatch(/stack overflow/);
  });
});

describe('limit options', () => {
  it('bad values are rejected when the engine is made', () => {
    expect(() => new LuaEngine({ limits: { instructions: -1 } })).toThrow(TypeError);
    expect(() => new LuaEngine({ limits: { timeoutMs: NaN } })).toThrow(TypeError);
  });

  it('the typed errors share LuaLimitError and name their limit', () => {
    const err = stop(engine({ instructions: 10 }), 'while true do end')[2] as LuaLimitError;
    expect(err).toBeInstanceOf(LuaLimitError);
    expect(err.limit).toBe('instructions');
    expect(err.message).toBe('the run exceeded its limit of 10 instructions');
    const m = stop(engine({ memoryBytes: 1 << 20 }), 'return ("x"):rep(1 << 21)')[2] as LuaMemoryLimitError;
    expect(m.limit).toBe('memory');
    const t = stop(engine({ timeoutMs: 1 }), 'while true do end')[2] as LuaTimeoutError;
    expect(t.limit).toBe('time');
  });
});
