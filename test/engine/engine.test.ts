import { describe, expect, it } from 'vitest';
import { LuaEngine, LuaRuntimeError, LuaSyntaxError, multi } from '../../src/index.js';
import { jitStats } from '../../src/vm/jit.js';

function engine(): LuaEngine {
  return new LuaEngine({ stdout: () => {}, stderr: () => {} });
}

describe('LuaEngine basics', () => {
  it('runs a chunk and returns every value', async () => {
    const e = engine();
    const r = await e.run('print("hi") return 1, "two", {3}, nil, 2^63');
    expect(r.values).toEqual([1, 'two', [3], undefined, 2 ** 63]);
    expect(r.output).toBe('hi\n');
    expect(r.instructions).toBeGreaterThan(0);
  });

  it('passes args as ... and sets globals', () => {
    const e = engine();
    expect(e.runSync('return select("#", ...), x, ...', { args: [1, 2], globals: { x: 'g' } }).values).toEqual([2, 'g', 1, 2]);
  });

  it('compiles once, runs many times', () => {
    const e = engine();
    const c = e.compile('n = (n or 0) + 1 return n');
    expect(e.runSync(c).values).toEqual([1]);
    expect(e.runSync(c).values).toEqual([2]);
  });

  it('validate reports syntax errors with their line', () => {
    const e = engine();
    expect(e.validate('x = 1')).toBe(null);
    const err = e.validate('x = \n = 1', '=cfg');
    expect(err).toBeInstanceOf(LuaSyntaxError);
    expect(err!.line).toBe(2);
    expect(err!.column).toBe(2);
    expect(err!.message).toBe("cfg:2: unexpected symbol near '='");
    expect(() => e.compile('if')).toThrow(LuaSyntaxError);
  });

  it('get/set globals and call Lua functions', () => {
    const e = engine();
    e.set('config', { name: 'x', list: [1, 2] });
    e.runSync('function greet(who) return "hello " .. who .. " from " .. config.name, #config.list end');
    expect(e.call('greet', 'js')).toBe('hello js from x');
    const f = e.get('greet') as any;
    expect(f.multi('a')).toEqual(['hello a from x', 2]);
  });

  it('debug.getinfo reaches the host\'s entry level as a C level, with every option', () => {
    const e = new LuaEngine({ policy: 'full' });
    e.runSync(`function levels()
      local out = {}
      for level = 1, 10 do
        local ok, info = pcall(debug.getinfo, level, "nSltufrL")
        if not ok then out[#out + 1] = "error: " .. tostring(info) break end
        if info == nil then break end
        out[#out + 1] = info.what .. ":" .. tostring(info.nups) .. ":" .. tostring(info.currentline)
      end
      return table.concat(out, " ")
    end
    function outer() local r = levels() return r end`);
    // pcall (the caller of getinfo), levels, outer, then the host's entry: a C level; nothing above
    expect(e.call('outer')).toBe('C:0:-1 Lua:1:4 Lua:1:11 C:0:-1');
  });

  it('host functions: arguments, multiple results, signature checks', () => {
    const e = engine();
    e.setGlobal('add', (a: number, b: number) => a + b);
    e.setGlobal('pair', () => multi(1, 2));
    e.setGlobal('f', (s: string, n?: number) => s.repeat(n ?? 1), { params: ['string', 'number?', 'table?'] });
    expect(e.runSync('return add(2, 3), pair()').values).toEqual([5, 1, 2]);
    expect(e.runSync('return f("ab", 2)').values).toEqual(['abab']);
    expect(e.runSync('return pcall(f, "x", "no")').values).toEqual([false, "bad argument #2 to 'f' (number expected, got string)"]);
    expect(e.runSync('return select(2, pcall(function() f() end))').values).toEqual(["run:1: bad argument #1 to 'f' (string expected, got no value)"]);
  });

  it('a JS exception is a Lua error pcall can catch, and reaches the host as itself', () => {
    const e = engine();
    class MyError extends Error {}
    const boom = new MyError('boom');
    e.setGlobal('fail', () => { throw boom; });
    expect(e.runSync('local ok, err = pcall(fail) return ok, tostring(err), err.message').values).toEqual([false, 'Error: boom', 'boom']);
    let caught: unknown;
    try {
      e.runSync('fail()');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBe(boom);
    expect((caught as any).luaTraceback).toMatch(/stack traceback:/);
  });

  it('Lua errors reach the host as LuaRuntimeError with the value converted', () => {
    const e = engine();
    try {
      e.runSync('error({code = 42})');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(LuaRuntimeError);
      expect((err as LuaRuntimeError).value).toEqual({ code: 42 });
    }
    try {
      e.runSync('local x = nil\nreturn x.y', { chunkname: '@script.lua' });
      expect.unreachable();
    } catch (err) {
      const le = err as LuaRuntimeError;
      expect(le.message).toBe("script.lua:2: attempt to index a nil value (local 'x')");
      expect(le.line).toBe(2);
      expect(le.chunkname).toBe('script.lua');
      expect(le.luaTraceback).toMatch(/script.lua:2: in main chunk/);
    }
  });

  it('an error object with __tostring gives its message, as the standalone interpreter reports it', async () => {
    // lua5.4 -e 'error(setmetatable({}, {__tostring = function() return "custom failure" end}))'
    // prints "lua5.4: custom failure"; without __tostring "(error object is a table value)"
    const e = engine();
    const src = 'local E = setmetatable({code = 7}, {__tostring = function(t) return "custom failure " .. t.code end}) error(E)';
    for (const run of [async () => e.runSync(src), () => e.run(src)]) {
      const err = await run().then(() => null, (x: unknown) => x);
      expect(err).toBeInstanceOf(LuaRuntimeError);
      expect((err as LuaRuntimeError).message).toBe('custom failure 7');
      expect((err as LuaRuntimeError).value).toEqual({ code: 7 });
    }
    expect(() => e.runSync('error(setmetatable({}, {__tostring = function() return 1 end}))')).toThrow('(error object is a table value)');
    expect(() => e.runSync('error(setmetatable({}, {__tostring = function() error("x") end}))')).toThrow('(error object is a table value)');
    expect(() => e.runSync('error({})')).toThrow('(error object is a table value)');
  });

  it('bridges expose only whitelisted members', () => {
    const e = engine();
    class Counter {
      count = 0;
      secret = 'hidden';
      inc(n: number) { this.count += n; return this.count; }
    }
    const c = new Counter();
    let cleaned = false;
    e.registerBridge('counter', c, { methods: ['inc'], properties: ['count'], writable: ['count'], cleanup: () => { cleaned = true; } });
    expect(e.runSync('counter:inc(2) counter:inc(3) return counter.count, counter.secret, counter.constructor, counter.__proto__, getmetatable(counter)').values)
      .toEqual([5, undefined, undefined, undefined, false]);
    expect(e.runSync('counter.count = 10 return require("counter").count, pcall(function() counter.secret = 1 end)').values)
      .toEqual([10, false, "run:1: cannot assign to field 'secret' of counter"]);
    expect(e.runSync('return tostring(counter):match("^counter: ")').values).toEqual(['counter: ']);
    e.unregisterBridge('counter');
    expect(cleaned).toBe(true);
    expect(e.runSync('return counter').values).toEqual([undefined]);
  });

  it('close runs pending finalizers', () => {
    const out: string[] = [];
    const e = new LuaEngine({ stdout: (s) => out.push(s) });
    e.runSync('setmetatable({}, {__gc = function() print("finalized") end})');
    e.close();
    expect(out.join('')).toBe('finalized\n');
    expect(() => e.runSync('return 1')).toThrow('closed');
  });

  it('a closed engine refuses every use, not only runs', async () => {
    const e = engine();
    e.close();
    for (const use of [() => e.compile('return 1'), () => e.validate('return 1'), () => e.get('x'), () => e.set('x', 1),
      () => e.setGlobal('f', () => 1), () => e.setModule('m', { f: () => 1 }), () => e.call('print')]) {
      expect(use).toThrow('LuaEngine: the engine is closed');
    }
    await expect(e.run('return 1')).rejects.toThrow('LuaEngine: the engine is closed');
  });
});

describe('compilingTier option', () => {
  const HOT = 'local function f(x) return x + 1 end local s = 0 for i = 1, 5000 do s = f(s) end return s';

  it('compiles hot functions by default, and not with compilingTier: false; same results', async () => {
    const before = jitStats.compiled;
    const on = await new LuaEngine({ stdout: () => {} }).run(HOT);
    const afterOn = jitStats.compiled;
    expect(afterOn).toBeGreaterThan(before);
    const off = await new LuaEngine({ stdout: () => {}, compilingTier: false }).run(HOT);
    expect(jitStats.compiled).toBe(afterOn);
    expect(off.values).toEqual(on.values);
    expect(on.values).toEqual([5000]);
  });

  it('applies to the states of a pooled engine', async () => {
    const engine = new LuaEngine({ stdout: () => {}, compilingTier: false, pool: { min: 1, max: 1 } });
    const before = jitStats.compiled;
    expect((await engine.run(HOT)).values).toEqual([5000]);
    expect(jitStats.compiled).toBe(before);
    await engine.shutdown();
  });
});
