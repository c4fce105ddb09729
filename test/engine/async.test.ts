import { describe, expect, it } from 'vitest';
import { LuaEngine, LuaAbortError, LuaRuntimeError } from '../../src/index.js';
import type { HostContext } from '../../src/index.js';
import { runFile } from '../../src/node.js';

function engine(): LuaEngine {
  const e = new LuaEngine({ policy: 'full', stdout: () => {}, stderr: () => {} });
  // resolves on a later turn of the event loop (a timer), not just a microtask
  e.setGlobal('later', (v: unknown, ms = 0) => new Promise((r) => setTimeout(() => r(v), ms)));
  e.setGlobal('twice', async (x: number) => {
    await new Promise((r) => setTimeout(r, 0));
    return x * 2;
  });
  e.setGlobal('reject', async (msg: string) => {
    await new Promise((r) => setTimeout(r, 0));
    throw new Error(msg);
  });
  return e;
}

describe('async host functions: the script waits where it calls them', () => {
  it('top level, with multiple results', async () => {
    const e = engine();
    const r = await e.run('local a = twice(21) return a, later("x"), later(nil), later(true)');
    expect(r.values).toEqual([42, 'x', undefined, true]);
  });

  it('inside pcall and xpcall (also the message handler)', async () => {
    const e = engine();
    const r = await e.run(`
      local ok, v = pcall(twice, 5)
      local ok2, v2 = pcall(function () return twice(6) + twice(7) end)
      local ok3, v3 = xpcall(function () error("e") end, function (m) return later("handled: " .. m) end)
      return ok, v, ok2, v2, ok3, v3`);
    expect(r.values).toEqual([true, 10, true, 26, false, 'handled: run:4: e']);
  });

  it('inside metamethods (__index, __add, __lt, __concat, __close)', async () => {
    const e = engine();
    const r = await e.run(`
      local log = {}
      local mt = {
        __index = function (t, k) return twice(k) end,
        __add = function (a, b) return later(100) end,
        __lt = function (a, b) return later(true) end,
        __concat = function (a, b) return later("cat") end,
        __close = function () log[#log + 1] = later("closed") end,
      }
      local t = setmetatable({}, mt)
      do local c <close> = t end
      return t[4], t + 1, t < t, t .. "x", log[1]`);
    expect(r.values).toEqual([8, 100, true, 'cat', 'closed']);
  });

  it('inside coroutines (resume and wrap), across yields', async () => {
    const e = engine();
    const r = await e.run(`
      local co = coroutine.create(function (x)
        local y = coroutine.yield(twice(x))
        return later(y + 1)
      end)
      local _, a = coroutine.resume(co, 5)
      local _, b = coroutine.resume(co, 20)
      local gen = coroutine.wrap(function () for i = 1, 3 do coroutine.yield(twice(i)) end end)
      return a, b, coroutine.status(co), gen(), gen(), gen()`);
    expect(r.values).toEqual([10, 21, 'dead', 2, 4, 6]);
  });

  it('inside for-iterators and __pairs', async () => {
    const e = engine();
    const r = await e.run(`
      local function iter(_, i) if i < 4 then return later(i + 1) end end
      local sum = 0
      for i in iter, nil, 0 do sum = sum + i end
      local p = setmetatable({}, {__pairs = function (t)
        return function (_, k) if k == nil then return later("k"), 1 end end, t, nil
      end})
      local keys = ""
      for k in pairs(p) do keys = keys .. k end
      return sum, keys`);
    expect(r.values).toEqual([10, 'k']);
  });

  it('inside table.sort comparators and string.gsub callbacks', async () => {
    const e = engine();
    const r = await e.run(`
      local t = {5, 2, 8, 1, 9, 3}
      table.sort(t, function (a, b) return twice(a) < twice(b) end)
      local s = string.gsub("a1b2c3", "%d", function (d) return twice(tonumber(d)) end)
      return table.concat(t, " "), s`);
    expect(r.values).toEqual(['1 2 3 5 8 9', 'a2b4c6']);
  });

  it('inside Lua functions called back from JS (handle.async)', async () => {
    const e = engine();
    e.setGlobal('mapAsync', async (list: number[], f: any) => {
      const out: unknown[] = [];
      for (const x of list) out.push(await f.async(x));
      return out;
    });
    const r = await e.run(`
      local out = mapAsync({1, 2, 3}, function (x) return twice(x) + 1 end)
      return table.concat(out, ",")`);
    expect(r.values).toEqual(['3,5,7']);
    expect(await e.callAsync('twice', 8)).toEqual([16]);
  });

  it('a rejection is a Lua error carrying the rejection Error; uncaught it reaches the host', async () => {
    const e = engine();
    const r = await e.run(`
      local ok, err = pcall(reject, "no such user")
      return ok, type(err), tostring(err)`);
    expect(r.values).toEqual([false, 'userdata', 'Error: no such user']);
    let caught: unknown;
    try {
      await e.run('local x = 1\nreject("lost")', { chunkname: '=job' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).message).toBe('lost');
    expect((caught as any).luaTraceback).toContain('job:2');
  });

  it('Lua errors after a wait are LuaRuntimeError with position and traceback', async () => {
    const e = engine();
    await expect(e.run('local v = later(nil)\nreturn v.x', { chunkname: '=w' })).rejects.toThrow(LuaRuntimeError);
    await expect(e.run('local v = later(nil)\nreturn v.x', { chunkname: '=w' })).rejects.toThrow("w:2: attempt to index a nil value (local 'v')");
  });

  it('1000 concurrent runs on one engine, each matched to its caller', async () => {
    const e = engine();
    const chunk = e.compile(`
      local id, ms = ...
      local acc = 0
      for i = 1, 3 do acc = acc + later(id, ms) end
      print(id)
      return acc, id`);
    const runs: Promise<any>[] = [];
    for (let i = 0; i < 1000; i++) runs.push(e.run(chunk, { args: [i, (i * 7) % 5] }));
    const results = await Promise.all(runs);
    results.forEach((r, i) => {
      expect(r.values).toEqual([3 * i, i]);
      expect(r.output).toBe(`${i}\n`);
      expect(r.instructions).toBeGreaterThan(0);
    });
  });

  it('interleaved runs share globals but not their stacks', async () => {
    const e = engine();
    const a = e.run('counter = 0 for i = 1, 50 do counter = counter + 1 later(nil) end return "a"');
    const b = e.run('local seen = 0 for i = 1, 50 do later(nil) seen = math.max(seen, counter) end return seen');
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.values).toEqual(['a']);
    expect(rb.values[0]).toBeGreaterThan(0);
  });

  it('runSync raises a clear error when a host function returns a Promise', () => {
    const e = engine();
    expect(() => e.runSync('return twice(1)')).toThrow("host function 'twice' returned a Promise: use engine.run, not runSync");
    // the script can catch it: it is a Lua error at the call
    expect(e.runSync('return pcall(twice, 1)').values).toEqual([false, "host function 'twice' returned a Promise: use engine.run, not runSync"]);
  });

  it('an AbortSignal cancels the run and reaches the pending host call', async () => {
    const e = engine();
    let seen: AbortSignal | undefined;
    let cancelled = false;
    e.setGlobal('sleep', function (this: HostContext, ms: number) {
      seen = this.signal;
      return new Promise<void>((resolve, reject) => {
        const t = setTimeout(resolve, ms);
        this.signal?.addEventListener('abort', () => {
          clearTimeout(t);
          cancelled = true;
          reject(new Error('cancelled'));
        });
      });
    });
    const ac = new AbortController();
    // pcall cannot catch the abort
    const p = e.run('while true do pcall(sleep, 10000) end', { signal: ac.signal });
    setTimeout(() => ac.abort(), 10);
    await expect(p).rejects.toThrow(LuaAbortError);
    expect(seen).toBe(ac.signal);
    expect(cancelled).toBe(true);
    // an already aborted signal: the run does not start
    await expect(e.run('x = 1', { signal: AbortSignal.abort() })).rejects.toThrow(LuaAbortError);
    expect(e.get('x')).toBe(undefined);
    // the engine goes on working
    expect((await e.run('return twice(4)')).values).toEqual([8]);
  });

  it('an abort stops a run that computes between its waits', async () => {
    const e = engine();
    const ac = new AbortController();
    const p = e.run('local n = 0 while true do n = n + 1 if n % 100000 == 0 then later(nil) end end', { signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    await expect(p).rejects.toThrow(LuaAbortError);
  });

  it('a Promise where the script cannot wait is a Lua error, not a crash', async () => {
    const e = engine();
    // a finalizer runs inside the collector, not in the run: the error becomes a warning
    const r = await e.run('setmetatable({}, {__gc = function () twice(1) end}) collectgarbage() return "done"');
    expect(r.values).toEqual(['done']);
  });
});

describe('close() with runs waiting', () => {
  it('closes the pending <close> variables of a waiting run, which then rejects', async () => {
    const out: string[] = [];
    const e = new LuaEngine({ stdout: (t) => { out.push(t); } });
    let release: (v: unknown) => void = () => {};
    e.setGlobal('wait', () => new Promise((r) => { release = r; }));
    const run = e.run(`
      local a <close> = setmetatable({}, { __close = function(_, err) print("closed a", err) end })
      local co = coroutine.wrap(function()
        local b <close> = setmetatable({}, { __close = function() print("closed b") end })
        wait()
      end)
      co()
      print("not reached")
    `);
    await new Promise((r) => setTimeout(r, 5));
    e.close();
    expect(out.join('')).toBe('closed b\nclosed a\tLuaEngine: the engine was closed while a run was waiting\n');
    release(1);
    await expect(run).rejects.toThrow('the engine was closed while a run was waiting');
    expect(out.join('')).not.toContain('not reached');
  });
});

describe('runFile (moonbox/node)', () => {
  it('runs a Lua file named @path, skipping a first # line', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'moonbox-runfile-'));
    const f = path.join(dir, 'script.lua');
    writeFileSync(f, '#!/usr/bin/env moonbox\nlocal x = ...\nprint("héllo", x)\nreturn twice(x), debug.getinfo(1, "S").source\n');
    const e = engine();
    const r = await runFile(e, f, { args: [4] });
    expect(r.values).toEqual([8, '@' + f]);
    expect(r.output).toBe('héllo\t4\n');
    writeFileSync(f, 'local x = 1\nx = = 2');
    await expect(runFile(e, f)).rejects.toThrow(`${f}:2: unexpected symbol near '='`);
    await expect(runFile(e, path.join(dir, 'missing.lua'))).rejects.toThrow('cannot open');
  });
});
