// Random scripts under limits: fast-check builds Lua programs from a small grammar of the
// things hostile scripts do (loops with random bounds, endless ones included, string and table
// building, pcall, coroutines, recursion, metatables, errors, patterns, writes to the
// read-only libraries) and runs each under small limits. Three invariants:
//
// 1. the run ends, soon after its time limit at the latest;
// 2. it ends normally or with one of the engine's typed errors (a limit error,
//    LuaRuntimeError, LuaSyntaxError), never a bare TypeError, RangeError or Error;
// 3. nothing leaks into the next run: on one shared engine, each random script is followed by
//    a probe that checks the libraries still work and are the same tables.
//
// Left out of the grammar on purpose, because they break invariant 3 through known bugs listed
// in hostile.test.ts: __gc finalizers (one left behind runs in a later run) and __concat
// metamethods returning non-strings (they break the memory accounting for good).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LuaEngine, LuaLimitError, LuaRuntimeError, LuaSyntaxError,
} from '../../src/index.js';
import type { Limits } from '../../src/index.js';

const LIMITS: Limits = { timeoutMs: 20, instructions: 2e5, memoryBytes: 4 * 2 ** 20 };
/** a run must end this long after it started at the latest (its time limit is 20 ms) */
const ELAPSED_MAX = 20 + 100;

type Arb = fc.Arbitrary<string>;

const int = (lo: number, hi: number): fc.Arbitrary<number> => fc.integer({ min: lo, max: hi });
/** loop bounds: small, large, or endless */
const bound = fc.oneof(
  int(0, 5).map(String),
  int(10, 1000).map(String),
  fc.constantFrom('1e5', '1e9', 'math.huge'),
);
const count = fc.oneof(int(0, 4).map(String), fc.constantFrom('100', '1e4', '1e6', '2^31', '-1'));
const literal = fc.constantFrom('"x"', '"abc"', '""', '("%d"):format(n)', 'tostring(n)');
const value = fc.constantFrom('n', 's', '{}', '{ n, s }', 'function() return n end', 'coroutine.create(print)', 't');
const pattern = fc.constantFrom(
  '"a*b"', '("a*"):rep(20) .. "b"', '"(.-)x"', '"%b()"', '"[%w_]+"', '"(a*)%1"', '".-.-.-b"', '"%f[%a]%a+"', '"["',
);

/** statements with no block inside */
const simple: Arb = fc.oneof(
  int(-3, 3).map((k) => `n = n + ${k}`),
  literal.map((l) => `s = s .. ${l}`),
  fc.constant('s = s .. s'),
  count.map((k) => `s = string.rep(s, ${k})`),
  count.map((k) => `s = s:rep(${k}, ",")`),
  fc.constant('s = ("%s%s"):format(s, s)'),
  int(0, 10).map((k) => `s = s:sub(1, ${k})`),
  fc.constant('s = "x"'),
  value.map((v) => `t[#t + 1] = ${v}`),
  fc.constant('t[s] = n'),
  fc.constant('t = {}'),
  fc.constant('table.insert(t, 1, n)'),
  count.map((k) => `pcall(table.move, t, 1, ${k}, 2)`),
  fc.constant('n = #table.concat(t, ",")'),
  fc.constant('pcall(table.sort, t)'),
  pattern.map((p) => `pcall(string.find, s .. ("a"):rep(30), ${p})`),
  pattern.map((p) => `pcall(string.gsub, s, ${p}, "%0%0")`),
  fc.constant('s = utf8.char(65, 0x7FFFFFFF, n % 100 + 1)'),
  count.map((k) => `pcall(string.pack, "c" .. math.max(0, ${k}), "")`),
  fc.constantFrom('error("boom")', 'error({})', 'error()', 'error(setmetatable({}, { __tostring = function() return "e" end }))'),
  fc.constantFrom('string.rep = nil', 'rawset(string, "x", 1)', 'getmetatable("").__index = {}', 'table.insert(math, 1)', 'setmetatable(utf8, {})'),
  fc.constantFrom('coroutine.yield(n)', 'collectgarbage()', 'n = collectgarbage("count") // 1'),
  fc.constant('n = select("#", table.unpack(t))'),
);

const { block } = fc.letrec<{ block: string; stmt: string }>((tie) => {
  const body = tie('block');
  return {
    block: fc.array(tie('stmt'), { minLength: 1, maxLength: 4 }).map((ss) => ss.join('\n')),
    stmt: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'stmt' },
      simple,
      fc.tuple(bound, body).map(([b, x]) => `for i = 1, ${b} do\n${x}\nend`),
      body.map((x) => `while true do\n${x}\nend`),
      fc.tuple(int(1, 50), body).map(([k, x]) => `repeat\nn = n + 1\n${x}\nuntil n > ${k}`),
      body.map((x) => `pcall(function()\n${x}\nend)`),
      body.map((x) => `xpcall(function()\n${x}\nend, function(m) return m end)`),
      fc.tuple(body, int(1, 5)).map(([x, k]) => `do\nlocal co = coroutine.wrap(function()\n${x}\ncoroutine.yield(1)\nend)\nfor _ = 1, ${k} do if not pcall(co) then break end end\nend`),
      fc.tuple(bound, body).map(([b, x]) => `do\nlocal function f(d)\nif d > ${b} then return 0 end\n${x}\nreturn f(d + 1) + 1\nend\npcall(f, 0)\nend`),
      fc.tuple(bound, body).map(([b, x]) => `do\nlocal function f(d)\nif d > ${b} then return 0 end\n${x}\nreturn f(d + 1)\nend\nf(0)\nend`),
      fc.tuple(fc.constantFrom('__index', '__newindex', '__call', '__len', '__eq', '__lt', '__add', '__tostring'), body).map(([ev, x]) =>
        `do\nlocal o = setmetatable({}, { ${ev} = function(...)\n${x}\nreturn n\nend })\nlocal p = setmetatable({}, getmetatable(o))\n`
        + `pcall(function() local _ = o.k; o.k = 1; o(); local _ = #o, o == p, o < p, o + 1, tostring(o) end)\nend`),
      body.map((x) => `do\nlocal c <close> = setmetatable({}, { __close = function()\n${x}\nend })\n${x}\nend`),
      body.map((x) => `table.sort({ 3, 1, 2 }, function(a, b)\n${x}\nreturn a < b\nend)`),
      body.map((x) => `s = s:gsub(".", function(c)\n${x}\nreturn c\nend)`),
    ),
  };
});

const script: Arb = block.map((b) => `local n, s, t = 0, "x", {}\n${b}\nreturn n, #s, #t`);

/** The probe run after each random script on the shared engine, and what it must return. */
const PROBE = `
return string.rep("ab", 2), table.concat({ 1, 2, 3 }, "-"), math.floor(2.5),
  getmetatable("").__index == string, ("x"):upper(), utf8.char(65),
  coroutine.wrap(function() return 7 end)(), select("#", table.unpack({ 1, 2, 3 })),
  string.format("%q", "a\\n"), ("abc"):find("b", 1, true),
  (function(kb) return kb == kb and kb > 0 and kb < math.huge end)(collectgarbage("count")),
  (pcall(rawset, string, "rep", nil))
`;
const PROBE_RESULT = ['abab', '1-2-3', 2, true, 'X', 'A', 7, 3, '"a\\\n"', 2, true, false];

function typed(e: unknown): boolean {
  return e instanceof LuaLimitError || e instanceof LuaRuntimeError || e instanceof LuaSyntaxError;
}

function engine(): LuaEngine {
  return new LuaEngine({ policy: 'strict', limits: LIMITS, stdout: () => {}, stderr: () => {} });
}

/** Run src; [thrown value or null, ms]. */
function attempt(e: LuaEngine, src: string): [unknown, number] {
  const t0 = performance.now();
  try {
    e.runSync(src);
    return [null, performance.now() - t0];
  } catch (err) {
    return [err, performance.now() - t0];
  }
}

describe('random hostile scripts', () => {
  it('end in time, with a typed error if any, and leave the libraries intact', () => {
    const shared = engine();
    expect(shared.runSync(PROBE).values).toEqual(PROBE_RESULT);
    fc.assert(fc.property(script, (src) => {
      // a fresh engine: the run ends in time, with a typed error if any
      let [err, ms] = attempt(engine(), src);
      if (ms >= ELAPSED_MAX) [err, ms] = attempt(engine(), src); // once more: the machine may be busy
      if (err !== null && !typed(err)) throw new Error(`untyped error ${String(err)}\n${src}`);
      if (ms >= ELAPSED_MAX) throw new Error(`took ${ms.toFixed(1)} ms\n${src}`);
      // the shared engine: the same, then the probe
      [err] = attempt(shared, src);
      if (err !== null && !typed(err)) throw new Error(`untyped error on the shared engine ${String(err)}\n${src}`);
      expect(shared.runSync(PROBE, { chunkname: '=probe' }).values).toEqual(PROBE_RESULT);
    }), { numRuns: 200 });
  }, 120000);
});
