/**
 * The compiling tier (src/vm/jit.ts) must not change what a program does: every run here
 * compiles every Lua function on its first call (hotness threshold 1) and is compared with
 * the interpreter alone — output, errors with their tracebacks, and the exact instruction
 * count (vm.instructions), also with tiny instruction slices that make compiled code leave
 * in the middle of its blocks.
 *
 * - spec/**\/*.lua through the CLI with MOONBOX_JIT_THRESHOLD=1 against the .expected
 *   recordings (known failures: against a run with MOONBOX_JIT=0 instead);
 * - the same programs in-process, JIT on and off, comparing instruction counts;
 * - focused snippets for every opcode, integer overflow, float/integer distinction,
 *   metamethods in hot loops, errors, coroutines, deep recursion, goto, closures, <close>;
 * - the generated code reaches no JS global.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createState, protectedCall, tracebackHandler } from '../../src/engine/runtime.js';
import { loadChunk, compileText } from '../../src/stdlib/load.js';
import { JIT_DEFAULTS } from '../../src/vm/proto.js';
import type { Proto } from '../../src/vm/proto.js';
import { enableTier, jitStats, jitSource } from '../../src/vm/jit.js';
import { HELPER_NAMES } from '../../src/vm/jit-gen.js';
import { LuaError } from '../../src/vm/errors.js';
import { LuaClosure } from '../../src/vm/value.js';

enableTier();

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin', 'moonbox.js');

function luaFiles(dir: string, acc: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const f = path.join(dir, e);
    if (statSync(f).isDirectory()) luaFiles(f, acc);
    else if (f.endsWith('.lua')) acc.push(f);
  }
  return acc.sort();
}

interface Outcome {
  out: string;
  err: string | null;
  instructions: number;
  compiled: number;
  /** compilations that failed (a generator bug) */
  failed: number;
  /** slice ends seen by the budget hook, and a checksum of the counts they saw */
  budgets: string;
}

interface RunOptions {
  jit: boolean;
  /** instructions per slice (vm.budgetChunk) */
  chunk?: number;
  name?: string;
  dir?: string;
  args?: string[];
}

/** Run Lua source in a fresh state; with jit, every function is compiled on its first call. */
function runLua(src: string, o: RunOptions): Outcome {
  const saved = JIT_DEFAULTS.threshold;
  JIT_DEFAULTS.threshold = 1;
  const out: string[] = [];
  const dir = o.dir ?? ROOT;
  const vm = createState({
    stdout: (s) => out.push(s),
    stderr: (s) => out.push(s),
    readFile: (p) => {
      try {
        return readFileSync(path.resolve(dir, p)).toString('latin1');
      } catch {
        return null;
      }
    },
    readStdin: () => '',
  });
  vm.jitEnabled = o.jit;
  if (o.chunk !== undefined) {
    vm.budgetChunk = o.chunk;
    vm.budget = o.chunk;
  }
  // the instruction counts seen by the budget hook (limits, count hooks) at every slice end
  let slices = 0;
  let sum = 0;
  vm.onBudget = (v) => {
    slices++;
    sum = (sum * 31 + v.instructions) % 1000000007;
  };
  const before = jitStats.compiled;
  const failedBefore = jitStats.failed;
  let err: string | null = null;
  try {
    const f = loadChunk(vm, src, '@' + (o.name ?? 'test.lua'), 'bt');
    if (typeof f === 'string') err = f;
    else protectedCall(vm, f, o.args ?? [], tracebackHandler);
  } catch (e) {
    err = e instanceof LuaError ? String(e.message) : `host: ${String(e)}`;
  } finally {
    JIT_DEFAULTS.threshold = saved;
  }
  return {
    out: out.join(''), err, instructions: vm.instructions + vm.budgetChunk - vm.budget,
    compiled: jitStats.compiled - before, failed: jitStats.failed - failedBefore, budgets: `${slices}/${sum}`,
  };
}

/** JIT on and off must agree on everything observable. */
function same(src: string, o: Omit<RunOptions, 'jit'> = {}): Outcome {
  const a = runLua(src, { ...o, jit: false });
  const b = runLua(src, { ...o, jit: true });
  expect(b.err, 'error').toBe(a.err);
  expect(b.out, 'output').toBe(a.out);
  expect(b.instructions, 'instruction count').toBe(a.instructions);
  expect(b.budgets, 'instruction counts at slice ends').toBe(a.budgets);
  expect(b.failed, `failed compilations (${jitStats.lastError})`).toBe(0);
  return b;
}

// ---------------------------------------------------------------------------------------

const SNIPPETS: Record<string, string> = {
  arithmetic: `
    local t = {}
    local i, f, big = 7, 2.5, math.maxinteger
    for k = 1, 3 do
      t[#t + 1] = table.concat({ i + k, i - k, i * k, i / k, i % k, i ^ k, i // k, -i, f + k,
        f * k, f // k, f % k, k / 2, 2 ^ 0.5 * k, 7 // 0.0, -7 // 0.0, tostring(0.0 / 0.0 ~= 0.0 / 0.0),
        5 % -3, -5 % 3, 5.5 % -2, -5.5 % 2, 3 % math.huge, -3 % math.huge }, ' ')
      t[#t + 1] = table.concat({ i & k, i | k, i ~ k, ~i, i << k, i >> k, i << 64, -1 >> 1,
        3 & 2.0, '10' + k, '3' * '4', 10 // '3', math.type(i + 0.0), math.type(1 // 1) }, ' ')
      t[#t + 1] = table.concat({ big + k, big * 2 + k, math.mininteger - k, -math.mininteger,
        big // -1, math.mininteger // -1, math.mininteger % -1, 2^53 + k, (2^53 | 0) + k,
        9007199254740991 + k, -9007199254740991 - k, 9007199254740991 * k }, ' ')
    end
    print(table.concat(t, '\\n'))
    local a, b = 0.0, -0.0
    print(a, b, 1 / b, 3 * -0.0, 0 * -1, -0 == 0, 1e15, 1e16, 2^63, -2^63, math.tointeger(2^53))
    print(1e308 * 10, -1e308 * 10, 100000000000000, 1e100 // 1, 5 // 2 * 2.0)`,
  floatIntLoops: `
    local s, n = 0, 0
    for i = 1, 100 do s = s + i * 0.5; n = n + i // 3 end
    for x = 1.0, 2.0, 0.25 do s = s + x end
    for x = 10, 1, -3 do n = n + x end
    for x = 1, 0 do n = n + 1000 end
    for x = math.maxinteger - 2, math.maxinteger do n = n + 1 end
    for x = math.mininteger, math.mininteger + 2 do n = n + 1 end
    for x = 1, 3.7 do n = n + x end
    for x = 3, 1.5, -1 do n = n + x end
    print(s, n, math.type(s), math.type(n))
    local ok, e = pcall(function() for i = 1, 10, 0 do end end) print(ok, e)
    ok, e = pcall(function() for i = 'a', 10 do end end) print(ok, e)
    ok, e = pcall(function() for i = 1, {} do end end) print(ok, e)`,
  comparisons: `
    local vals = { 1, 2.0, 2, -0.0, 0, 'a', 'b', 'a\\0', true, false, nil, math.huge, 0/0,
      math.maxinteger, math.mininteger, 2^63 }
    local out = {}
    for i = 1, 16 do for j = 1, 16 do
      local x, y = vals[i], vals[j]
      out[#out + 1] = (x == y and 'e' or '-') .. (x ~= y and 'n' or '-')
      if type(x) == type(y) and (type(x) == 'number' or type(x) == 'string') then
        out[#out + 1] = (x < y and 'l' or '-') .. (x <= y and 'L' or '-') .. (x > y and 'g' or '-')
      end
      if type(x) == 'number' then
        out[#out + 1] = (x < 3 and 'a' or '-') .. (x <= 3 and 'b' or '-') .. (x > 3 and 'c' or '-')
          .. (x >= 3 and 'd' or '-') .. (x == 3 and 'f' or '-') .. (x == 2.0 and 'h' or '-')
      end
    end end
    print(table.concat(out))
    print(pcall(function() return {} < {} end))
    print(pcall(function() return 1 < 'x' end))
    print(pcall(function() local a = nil; return a <= 2 end))`,
  tables: `
    local t = { 10, 20, 30, x = 1, ['y z'] = 2 }
    t[1.0 + 3] = 40; t[7] = 70; t[-1] = 'neg'; t[1.5] = 'f'; t.x = nil; t[2^53] = 'big'
    local keys = {}
    for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. '=' .. tostring(v) end
    table.sort(keys) print(table.concat(keys, ' '), #t)
    for i, v in ipairs(t) do io.write(i, ':', v, ' ') end print()
    local u = {}
    for i = 1, 200 do u[i] = i * i end
    for i = 1, 200, 3 do u[i] = nil end
    local c = 0
    for k, v in next, u do c = c + v end
    print(c, #u >= 0, select('#', table.unpack(u, 1, 10)))
    local big = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
      24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
      48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60 }
    print(#big, big[55])
    local function f(...) return ... end
    local w = { f(1, 2, 3), f(4, 5, 6) }
    print(#w, w[4])
    print(pcall(function() local q = {} q[nil] = 1 end))
    print(pcall(function() local q = {} q[0/0] = 1 end))
    print(pcall(function() local q = nil; return q.x end))
    print(pcall(function() local q = {} return q.a.b end))
    print(pcall(function() undefinedglobal.field = 1 end))`,
  strings: `
    local s = ''
    for i = 1, 50 do s = s .. i .. ',' end
    print(#s, s:sub(1, 20), ('x'):rep(3), #'hello', 1 .. 2, 1.5 .. '', -0.0 .. '')
    local parts = {}
    for w in ('a b  c'):gmatch('%a') do parts[#parts + 1] = w:upper() end
    print(table.concat(parts), ('%d-%s'):format(5, 'x'), s:byte(1), ('abc'):len())
    print(pcall(function() return 'a' .. {} end))
    print(pcall(function() return #5 end))`,
  metamethods: `
    local V = {}
    V.__index = V
    V.__add = function(a, b) return setmetatable({ x = a.x + b.x }, V) end
    V.__sub = function(a, b) return setmetatable({ x = a.x - (type(b) == 'number' and b or b.x) }, V) end
    V.__mul = function(a, b) return type(a) == 'number' and a * b.x or a.x * b end
    V.__unm = function(a) return setmetatable({ x = -a.x }, V) end
    V.__len = function(a) return a.x end
    V.__eq = function(a, b) return a.x == b.x end
    V.__lt = function(a, b) return a.x < b.x end
    V.__le = function(a, b) return a.x <= b.x end
    V.__concat = function(a, b) return (type(a) == 'table' and a.x or a) .. '|' .. (type(b) == 'table' and b.x or b) end
    V.__call = function(self, y) return self.x + y end
    V.__idiv = function(a, b) return 'idiv' end
    V.__band = function(a, b) return 'band' end
    V.__shl = function(a, b) return 'shl' end
    V.__bnot = function(a) return 'bnot' end
    V.__mod = function(a, b) return 'mod' end
    V.__pow = function(a, b) return 'pow' end
    V.__div = function(a, b) return 'div' end
    V.__close = nil
    local function new(x) return setmetatable({ x = x }, V) end
    local acc = new(0)
    local r = {}
    for i = 1, 30 do
      local v = new(i)
      acc = acc + v
      acc = acc - 1
      r[#r + 1] = (v == new(i)) and 1 or 0
      r[#r + 1] = (v < acc) and 1 or 0
      r[#r + 1] = (v <= new(3)) and 1 or 0
      r[#r + 1] = #v
      r[#r + 1] = v(2)
      r[#r + 1] = 2 * v
      r[#r + 1] = v * 3
    end
    print(acc.x, table.concat(r, ','), (-acc).x, new(1) .. 'a' .. new(2), 'z' .. new(5))
    print(new(1) // 2, new(1) & 3, 1 << new(2), ~new(1), new(1) % 2, new(1) ^ 2, new(1) / 2)
    local P = setmetatable({}, { __index = function(t, k) return k .. '!' end,
      __newindex = function(t, k, v) rawset(t, k, v * 2) end })
    for i = 1, 20 do P[i] = i end
    print(P.foo, P[3], rawget(P, 'foo'))
    local chain = setmetatable({}, { __index = setmetatable({ a = 1 }, { __index = { b = 2 } }) })
    local s = 0
    for i = 1, 50 do s = s + chain.a + chain.b end
    print(s, chain.c)
    local str = 'abc'
    local n = 0
    for i = 1, 20 do n = n + #str:upper() + str:byte(2) end
    print(n)
    local cnt = 0
    local T = setmetatable({}, { __index = function(t, k) cnt = cnt + 1; return cnt end })
    for i = 1, 10 do local _ = T.x + T[i] end
    print(cnt)
    local numMeta = pcall(function() return 1 + {} end)
    print(numMeta, pcall(function() return {} .. 'x' end))`,
  errors: `
    local function lvl3(t) return t.field.sub end
    local function lvl2(t) local x = lvl3(t); return x end
    local function lvl1() local data = { field = false }; return lvl2(data) end
    for i = 1, 3 do print(pcall(lvl1)) end
    print(select(2, xpcall(lvl1, debug.traceback)))
    local function arith(a, b) return a + b * 2 end
    print(pcall(arith, 1, 'x'))
    print(pcall(arith, nil, 1))
    local up = nil
    print(pcall(function() return up.x end))
    print(pcall(function() local t = {} return t.a.b.c end))
    print(pcall(function() return math.floor('x') end))
    print(pcall(function() error({ code = 1 }) end))
    print(pcall(function() error('msg', 2) end))
    print(pcall(function() local a = 'x' return -a end))
    print(pcall(function() return 1 // 0 end))
    print(pcall(function() return 1 % 0 end))
    print(pcall(function() return 2^63 | 0 end))
    print(pcall(function() return 1.5 & 1 end))
    print(pcall(function() return ('x')() end))
    print(pcall(function() local t = setmetatable({}, { __index = function() error('deep') end }) return t.x end))
    print(select(2, pcall(error)))`,
  coroutines: `
    local function gen(n)
      return coroutine.wrap(function()
        for i = 1, n do
          local function inner(x) coroutine.yield(x * 2) return x end
          inner(i)
        end
        return 'done'
      end)
    end
    local g = gen(5)
    local out = {}
    for i = 1, 6 do out[#out + 1] = tostring(g()) end
    print(table.concat(out, ' '))
    local co = coroutine.create(function(a, b)
      local s = 0
      for i = 1, 10 do s = s + coroutine.yield(s + a + b) end
      return s
    end)
    local r = {}
    local ok, v = coroutine.resume(co, 1, 2)
    while coroutine.status(co) ~= 'dead' do r[#r + 1] = v; ok, v = coroutine.resume(co, #r) end
    print(table.concat(r, ','), v)
    local t = { 5, 3, 8, 1, 9, 2 }
    table.sort(t, function(a, b) return a > b end)
    print(table.concat(t, ' '), (('hello world'):gsub('o', function(c) return c:upper() end)))
    local co2 = coroutine.wrap(function()
      local t2 = { 3, 1, 2 }
      table.sort(t2, function(a, b) return a < b end)
      print(pcall(coroutine.yield, 1))
      return table.concat(t2)
    end)
    print(co2())
    local dead = coroutine.create(function() error('boom') end)
    print(coroutine.resume(dead))
    print(coroutine.resume(dead))
    print(pcall(coroutine.wrap(function() local x = nil; return x.y end)))`,
  recursion: `
    local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
    print(fib(20))
    local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
    print(depth(3000))
    local function tail(n, acc) if n == 0 then return acc end return tail(n - 1, acc + 1) end
    print(tail(20000, 0))
    local function inf(n) return 1 + inf(n + 1) end
    local ok, e = pcall(inf, 1)
    print(ok, e)
    local function mutual_a(n) if n == 0 then return 'a' end return mutual_b(n - 1) end
    function mutual_b(n) if n == 0 then return 'b' end return mutual_a(n - 1) end
    print(mutual_a(301))
    local obj = setmetatable({}, { __call = function(self, n) if n == 0 then return 'called' end return self(n - 1) end })
    print(obj(200))`,
  gotoClosures: `
    local fs = {}
    for i = 1, 5 do
      local j = i * 10
      fs[#fs + 1] = function() j = j + 1; return i + j end
    end
    local s = 0
    for _, f in ipairs(fs) do s = s + f() + f() end
    print(s)
    local i = 1
    local acc = {}
    ::top::
    do
      local x = i
      acc[#acc + 1] = function() return x end
    end
    i = i + 1
    if i <= 5 then goto top end
    local t = 0
    for _, f in ipairs(acc) do t = t + f() end
    print(t)
    local function counter()
      local c = 0
      return function() c = c + 1; return c end, function() return c end
    end
    local inc, get = counter()
    for k = 1, 100 do inc() end
    print(get())
    for k = 1, 3 do
      for m = 1, 3 do
        if m == 2 then goto continue end
        io.write(k, m, ' ')
        ::continue::
      end
    end
    print()
    local n = 0
    while true do n = n + 1; if n > 50 then break end end
    repeat local z = n; n = n - 7 until z < 10
    print(n)`,
  toBeClosed: `
    local log = {}
    local function closer(name) return setmetatable({}, { __close = function(_, e) log[#log + 1] = name .. ':' .. tostring(e) end }) end
    for i = 1, 3 do
      local a <close> = closer('a' .. i)
      local b <close> = closer('b' .. i)
      if i == 2 then goto skip end
      log[#log + 1] = 'body' .. i
      ::skip::
    end
    local function f()
      local c <close> = closer('c')
      return 'ret'
    end
    print(f())
    print(pcall(function()
      local d <close> = closer('d')
      error('oops')
    end))
    local function iter()
      local i = 0
      return function() i = i + 1; if i <= 3 then return i end end, nil, nil, closer('iter')
    end
    for v in iter() do log[#log + 1] = 'v' .. v; if v == 2 then break end end
    print(table.concat(log, ' '))
    print(pcall(function() local x <close> = 42 end))
    local co = coroutine.wrap(function()
      local e <close> = closer('co')
      coroutine.yield(1)
      return 2
    end)
    print(co(), co(), table.concat(log, ' '))`,
  varargs: `
    local function v(...)
      local a, b = ...
      local n = select('#', ...)
      local t = { ... }
      return n, a, b, #t, ...
    end
    print(v())
    print(v(1))
    print(v(1, nil, 3))
    print((v(1, 2)))
    local function pass(...) return v(...) end
    print(pass(4, 5, 6))
    local function sum(...) local s = 0 for i = 1, select('#', ...) do s = s + (select(i, ...)) end return s end
    local total = 0
    for i = 1, 100 do total = total + sum(i, i, i) end
    print(total, select('#', ...), ...)`,
  debugLocals: `
    local function probe()
      local a, b = 1, 2
      for i = 1, 3 do
        a = a + i
        local name, val = debug.getlocal(1, 1)
        io.write(name, '=', tostring(val), ' ')
      end
      debug.setlocal(1, 2, 100)
      print(a, b)
      local function setter() debug.setlocal(2, 1, 'set from below') end
      setter()
      print(a)
      return a
    end
    probe()
    print(debug.traceback('tb', 1):gsub('\\n.*', ''))
    local info = debug.getinfo(1, 'l')
    print(info.currentline)`,
  gc: `
    local log = {}
    do
      local held = setmetatable({}, { __gc = function() log[#log + 1] = 'held' end })
      for i = 1, 3 do local x = { i }; collectgarbage() end
      log[#log + 1] = 'loop done'
      held = nil
    end
    collectgarbage()
    print(table.concat(log, ' '))
    local weak = setmetatable({}, { __mode = 'k' })
    local key = {}
    weak[key] = 1
    for i = 1, 10 do local tmp = {}; weak[tmp] = i end
    collectgarbage()
    local n = 0
    for k in pairs(weak) do n = n + 1 end
    print(n, weak[key])
    print(collectgarbage('count') > 0)`,
  upvaluesAndGlobals: `
    X = 1
    local y = 2
    local function f()
      for i = 1, 10 do X = X + i; y = y * 2 end
      return X, y
    end
    print(f())
    local t = setmetatable({}, { __index = _G })
    local env = setmetatable({}, { __index = _G, __newindex = function(t, k, v) rawset(t, k, v) end })
    local chunk = load('Z = 5 local s = 0 for i = 1, 10 do s = s + i end return s + Z', 'c', 't', env)
    print(chunk(), env.Z, Z)`,
}

// a function split into regions whose part outside its loop is left to the interpreter
// (Gen.coldRegion): it runs there, entering and leaving the compiled loop
const COLD = `
  local function f(a, b, t)
    local x, y, z = a + b, a * b, a - b
    if x > y then z = z + 1 elseif x < y then z = z - 1 end
    local s = tostring(x) .. ":" .. tostring(y)
    t.first, t.second, t.third = x, y, z
    local u = { x, y, z, s, #s }
    for i = 1, #u do
      if type(u[i]) == "number" then z = z + u[i] * i else z = z + #u[i] end
    end
    if z % 2 == 0 then t.even = (t.even or 0) + 1 else t.odd = (t.odd or 0) + 1 end
    local w = z // 3 + x % 5 - y % 7
    return w, s, t.first + t.second
  end
  local t, acc = {}, 0
  for i = 1, 40 do local w, s, v = f(i, i % 7, t); acc = acc + w + #s + v end
  print(acc, t.even, t.odd, t.first, t.third)`;
SNIPPETS['cold part of a function'] = COLD;

describe('compiling tier: focused programs (every function compiled on its first call)', () => {
  for (const [name, src] of Object.entries(SNIPPETS)) {
    it(`${name}: same output, errors and instruction count as the interpreter`, () => {
      const r = same(src, { name: `${name}.lua` });
      expect(r.compiled, 'something was compiled').toBeGreaterThan(0);
    });
    it(`${name}: also with tiny instruction slices`, () => {
      for (const chunk of [1, 7, 31, 250]) same(src, { name: `${name}.lua`, chunk });
    });
  }
});

describe('compiling tier: benchmark programs', () => {
  for (const f of luaFiles(path.join(ROOT, 'bench/programs'))) {
    const base = path.basename(f, '.lua');
    it(`${base} (small size)`, () => {
      const quick = /quick=(\d+)/.exec(readFileSync(f, 'latin1'));
      const size = quick ? String(Math.max(1, Math.floor(Number(quick[1]) / 20))) : '1';
      // `arg` as the CLI sets it
      const src = `arg = { [0] = '${base}.lua', '${size}' }\n` + readFileSync(f, 'latin1');
      same(src, { name: `${base}.lua` });
      same(src, { name: `${base}.lua`, chunk: 97 });
    });
  }
});

describe('compiling tier: spec programs in-process', () => {
  const files = luaFiles(path.join(ROOT, 'spec'));
  it('run the same (output, errors, instruction counts) with and without the JIT', () => {
    let compiled = 0;
    for (const f of files) {
      const src = readFileSync(f, 'latin1').replace(/^#[^\n]*/, '');
      const a = runLua(src, { jit: false, name: path.basename(f), dir: path.dirname(f) });
      const b = runLua(src, { jit: true, name: path.basename(f), dir: path.dirname(f) });
      const rel = path.relative(ROOT, f);
      expect(b.err, `${rel}: error`).toBe(a.err);
      expect(b.out, `${rel}: output`).toBe(a.out);
      expect(b.instructions, `${rel}: instruction count`).toBe(a.instructions);
      expect(b.failed, `${rel}: failed compilations (${jitStats.lastError})`).toBe(0);
      compiled += b.compiled;
    }
    expect(compiled).toBeGreaterThan(files.length);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------
// the CLI with every function compiled at once, against the recordings of lua5.4

interface CliOutcome {
  stdout: Buffer;
  stderr: Buffer;
  status: string;
}

function parseRecording(buf: Buffer): CliOutcome {
  let pos = 0;
  const line = (): string => {
    const nl = buf.indexOf(10, pos);
    const s = buf.toString('latin1', pos, nl);
    pos = nl + 1;
    return s;
  };
  const section = (): Buffer => {
    const n = Number(line().split(' ')[2]);
    const body = buf.subarray(pos, pos + n);
    pos += n + 1;
    return Buffer.from(body);
  };
  const stdout = section();
  const stderr = section();
  const status = line().split(' ')[2];
  return { stdout, stderr, status };
}

function runCli(file: string, env: Record<string, string>): Promise<CliOutcome> {
  return new Promise((resolve) => {
    const e: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^(LUA_|LC_|LANG)/.test(k)) e[k] = v;
    Object.assign(e, env, { LC_ALL: 'C' });
    const child = spawn(process.execPath, [CLI, path.basename(file)], { cwd: path.dirname(file), env: e, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err), status: code !== null ? String(code) : `signal ${signal}` });
    });
    child.stdin.on('error', () => {});
    child.stdin.end();
  });
}

describe.skipIf(!existsSync(CLI))('compiling tier: spec programs through the CLI (MOONBOX_JIT_THRESHOLD=1)', () => {
  const files = luaFiles(path.join(ROOT, 'spec'));
  const known = JSON.parse(readFileSync(path.join(ROOT, 'test/spec-known-failures.json'), 'utf8')) as Record<string, string>;
  it('match the recordings of the reference interpreter', async () => {
    const jobs = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
    const failures: string[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < files.length) {
        const f = files[next++];
        const rel = path.relative(ROOT, f);
        const got = await runCli(f, { MOONBOX_JIT_THRESHOLD: '1' });
        const want = Object.hasOwn(known, rel)
          ? await runCli(f, { MOONBOX_JIT: '0' })
          : parseRecording(readFileSync(f.replace(/\.lua$/, '.expected')));
        if (!got.stdout.equals(want.stdout) || !got.stderr.equals(want.stderr) || got.status !== want.status) {
          failures.push(`${rel}: stdout ${got.stdout.equals(want.stdout)}, stderr ${JSON.stringify(got.stderr.toString('latin1').slice(0, 300))}, status ${got.status}/${want.status}`);
        }
      }
    };
    await Promise.all(Array.from({ length: jobs }, worker));
    expect(failures).toEqual([]);
  }, 600_000);
});

// ---------------------------------------------------------------------------------------

describe('compiling tier: generated code', () => {
  function protos(p: Proto, acc: Proto[] = []): Proto[] {
    acc.push(p);
    for (const c of p.p) acc.push(...protos(c));
    return acc;
  }
  const KEYWORDS = new Set(['function', 'return', 'let', 'const', 'if', 'else', 'for', 'switch', 'case',
    'default', 'break', 'continue', 'try', 'catch', 'throw', 'new', 'typeof', 'instanceof', 'void',
    'true', 'false', 'null', 'use', 'strict', 'e', 'in']);
  const LOCALS = new Set(['L', 'frame', 'stack', 'base', 'pc', 'vm', 'budget', 'ec', 'upvals', 'ipc',
    'xc', 'xr', 'pr', 'sp', 's1', 's2', 's3', 'out', 'slow', 'x', 'y', 'r', 'v', 't', 'key', 'n', 'j', 'uv', 'res',
    'arr', 'count', 'v0', 'step', 'init', 'limit', 'func', 'want', 'nextra', 'from', 'ra', 'fv', 'hk',
    'H', 'K', 'P', 'ENTRY', 'REFUND', 'REGION', 'RUNS', 'run', 'lm', 'dm', 'LIVE', 'SITES', ...HELPER_NAMES]);

  it('names only its own parameters, locals and helpers (no JS global is reachable)', () => {
    let checked = 0;
    for (const f of [...luaFiles(path.join(ROOT, 'spec')), ...luaFiles(path.join(ROOT, 'bench/programs'))]) {
      const p = compileText(readFileSync(f, 'latin1').replace(/^#[^\n]*/, ''), '@x');
      if (typeof p === 'string') continue;
      for (const q of protos(p)) {
        const src = jitSource(q);
        if (src === null) continue;
        checked++;
        // strings, comments and property names do not name variables
        const code = src.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""').replace(/\/\/[^\n]*|\/\*.*?\*\//g, '');
        for (const m of code.matchAll(/(^|[^.\w$])([A-Za-z_$][\w$]*)/g)) {
          const id = m[2];
          if (KEYWORDS.has(id) || LOCALS.has(id) || /^(r|u|c|k|f|s|d|z|R|PR)\d+f?$/.test(id)) continue;
          throw new Error(`${path.relative(ROOT, f)}:${q.linedefined}: generated code names '${id}'`);
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});

describe('compiling tier: a function part left to the interpreter', () => {
  it('is a function that returns 0 in the generated code', () => {
    const p = compileText(COLD, '@cold');
    if (typeof p === 'string') throw new Error(p);
    const src = jitSource(p.p[0]);
    expect(src).toMatch(/function R0\(L, frame, stack, base\) \{ return 0; \}/);
    // and the loop is compiled
    expect(src).toMatch(/function R1\(L, frame, stack, base\) \{\n/);
  });
});

describe('compiling tier: switched off in one state', () => {
  it('a hot proto counts down again there, and a state sharing it with the tier on still compiles it', () => {
    const a = createState();
    a.jitEnabled = false;
    const chunk = loadChunk(a, 'return function(n) local s = 0 for i = 1, n do s = s + i end return s end', '=sum', 't');
    if (typeof chunk === 'string') throw new Error(chunk);
    const [fn] = protectedCall(a, chunk, [], null);
    const p = (fn as LuaClosure).proto;
    expect(protectedCall(a, fn, [100000], null)).toEqual([5000050000]);
    // the interpreter came back to its hotness check once per countdown, not at every iteration
    expect(p.jitCount).toBeGreaterThan(0);
    expect(p.jit).toBeNull();
    const b = createState();
    for (let k = 0; k < 3 && p.jit === null; k++) {
      expect(protectedCall(b, new LuaClosure(p, []), [100000], null)).toEqual([5000050000]);
    }
    expect(p.jit).not.toBeNull();
  });
});

describe('compiling tier: nesting count of compiled calls', () => {
  it('is back to zero after errors thrown through nested compiled calls, caught by pcall and by the host', () => {
    const saved = JIT_DEFAULTS.threshold;
    JIT_DEFAULTS.threshold = 1;
    try {
      const vm = createState({ stdout: () => {} });
      const src = `
        local function deep(n) if n == 0 then error("bottom") end return deep(n - 1) + 1 end
        local function mid(n) local ok, e = pcall(deep, n) return ok, e end
        local caught = 0
        for i = 1, 300 do
          local ok = mid(20)
          if not ok then caught = caught + 1 end
        end
        -- calls between compiled functions still run nested after the errors: depth 90
        local function rec(n) if n == 0 then return 0 end return rec(n - 1) + 1 end
        return caught, rec(90), deep
      `;
      const f = loadChunk(vm, src, '=depth', 't');
      if (typeof f === 'string') throw new Error(f);
      const r = protectedCall(vm, f, [], null);
      expect(r.slice(0, 2)).toEqual([300, 90]);
      expect(vm.jitDepth).toBe(0);
      // an error that reaches the host through compiled frames
      for (let k = 0; k < 50; k++) expect(() => protectedCall(vm, r[2], [30], null)).toThrow(/bottom/);
      expect(vm.jitDepth).toBe(0);
    } finally {
      JIT_DEFAULTS.threshold = saved;
    }
  });
});
