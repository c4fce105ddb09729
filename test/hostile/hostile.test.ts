// The hostile-script corpus: every script in scripts/ attacks the sandbox (endless loops,
// recursion, memory bombs, catastrophic patterns, metatable and error-object tricks, reaching
// for JS or for what the strict policy takes away). Its first line says what it attacks and
// how the run must end:
//
//   -- attacks: <what>; expect: <LuaInstructionLimitError | LuaMemoryLimitError | LuaRuntimeError | ok>
//
// Each script runs twice, in file name order (a few scripts come in pairs: meta-gc-leak-1/2):
//
// 1. Exact outcome, on an engine with the instruction and memory limits only (and a time limit
//    of seconds as a safety net). Those two limits are deterministic, so the run must end with
//    exactly the expected class. A script whose work is not charged shows up here: it runs
//    into the safety net (LuaTimeoutError) instead of the instruction limit.
// 2. On one shared engine with the limits of an untrusted run: 10 ms, 1e6 instructions, 8 MB.
//    The time limit bounds every run, and 1e6 instructions of calls, metamethods or errors take
//    longer than 10 ms, so there a LuaTimeoutError also satisfies an expected limit error. The
//    run must end within 50 ms after its limit (elapsed < 60 ms), and the same engine must then
//    run a normal program correctly: nothing a script did (or left behind: finalizers, broken
//    coroutines, changed libraries, a broken memory count) leaks into the next run.
//
// `expect: LuaRuntimeError|LuaTimeoutError` (two scripts) marks a script that ends with an
// error but does enough work to possibly run out of the shared run's 10 ms first; the exact
// run must still end with the error. A script may also check something itself after the limit
// stopped it (in a __close handler) and report a failure in the global hostile_failure.
//
// KNOWN_FAILING lists the scripts moonbox gets wrong in code outside the libraries (the VM
// loop, the collector); each is asserted to still fail, so a fix shows up here.
import { describe, expect, it, afterAll, beforeAll } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LuaEngine } from '../../src/index.js';
import type { Limits } from '../../src/index.js';

const DIR = join(__dirname, 'scripts');
const MB = 2 ** 20;

const LIMITS: Limits = { timeoutMs: 10, instructions: 1e6, memoryBytes: 8 * MB };
/** the exact run: no time limit but a safety net far above any correct run */
const EXACT_LIMITS: Limits = { timeoutMs: 4000, instructions: 1e6, memoryBytes: 8 * MB };
/** how long after its limit a run may end (the limit being at most 10 ms away) */
const ELAPSED_MAX = 10 + 50;

const LIMIT_ERRORS = new Set(['LuaInstructionLimitError', 'LuaMemoryLimitError', 'LuaTimeoutError']);
const OUTCOMES = new Set([...LIMIT_ERRORS, 'LuaRuntimeError', 'LuaSyntaxError', 'ok']);

/**
 * Scripts moonbox gets wrong, with what fails: 'exact' (the outcome of the exact run) or
 * 'timed' (the outcome, elapsed time or probe of the shared run). Each must still fail so.
 */
const KNOWN_FAILING: Record<string, { fails: 'exact' | 'timed'; why: string; breaksEngine?: true }> = {
  'loop-string-compare': {
    fails: 'exact',
    why: '== and < on two long equal strings compare them in one uncharged instruction '
      + '(src/vm/interp.ts): the time limit is seen only after a slice of such instructions',
  },
  'meta-gc-leak-2-victim': {
    fails: 'exact',
    why: 'a finalizer left behind by an earlier run runs in whichever later run starts a '
      + 'collection, under that run\'s limits (src/vm/interp.ts autoCollect, src/stdlib/base.ts)',
  },
};
/** the exact run of a script known to fail it: a shorter safety net is enough to show it */
const KNOWN_EXACT_LIMITS: Limits = { timeoutMs: 1000 };

interface Script {
  name: string;
  attack: string;
  expect: string[];
  source: string;
}

function loadScripts(): Script[] {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.lua')).sort();
  return files.map((f) => {
    const source = readFileSync(join(DIR, f), 'latin1');
    const first = source.slice(0, source.indexOf('\n'));
    const m = /^-- attacks: (.+); expect: ([\w|]+)$/.exec(first);
    if (m === null) throw new Error(`${f}: first line must be "-- attacks: ...; expect: ..."`);
    return { name: f.slice(0, -4), attack: m[1], expect: m[2].split('|'), source };
  });
}

const SCRIPTS = loadScripts();

/** The heap in use after a full V8 collection (what the corpus left reachable). */
function retainedHeap(): number {
  setFlagsFromString('--expose_gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

/** The normal program run after each script on the shared engine, and what it returns. */
const PROBE = `
local t = {}
for i = 1, 10 do t[i] = i * i end
local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
local x = co(1)
local y = co(21)
local ok, err = pcall(error, "e")
local s = 0
for w in ("one two three"):gmatch("%a+") do s = s + #w end
local kb = collectgarbage("count")
return table.concat(t, ","), string.rep("ab", 3), math.floor(3.7), ("%d-%s"):format(x, y),
  select(2, ("hello world"):gsub("o", "0")), utf8.char(72, 105), getmetatable("").__index == string,
  ok, err, s, #string.format("%5.1f", 2.25), math.type(kb) == "float" and kb > 0 and kb < math.huge,
  table.unpack({ 7, 8 })
`;
const PROBE_RESULT = ['1,4,9,16,25,36,49,64,81,100', 'ababab', 3, '2-42', 2, 'Hi', true, false, 'e', 11, 5, true, 7, 8];

interface Outcome {
  name: string;
  ms: number;
  message: string;
}

/**
 * Run a script. A script can also report a failure it detects itself, typically in a __close
 * handler (those run after a limit stopped the run, with the heap still full: they should not
 * allocate), by setting the global hostile_failure to any value (what it counted, say): the
 * outcome is then 'hostile_failure'.
 */
function run(engine: LuaEngine, source: string, chunkname: string, limits?: Limits): Outcome {
  const t0 = performance.now();
  let o: Outcome;
  try {
    engine.runSync(source, { chunkname, limits });
    o = { name: 'ok', ms: performance.now() - t0, message: '' };
  } catch (e) {
    const ms = performance.now() - t0;
    const err = e as Error;
    o = { name: err.constructor.name, ms, message: String(err.message).slice(0, 200) };
  }
  const reported = engine.get('hostile_failure');
  if (reported !== undefined) {
    engine.set('hostile_failure', undefined);
    o = { name: 'hostile_failure', ms: o.ms, message: `hostile_failure = ${String(reported)} (the run ended with ${o.name})` };
  }
  return o;
}

function sinkEngine(limits: Limits): LuaEngine {
  // output is dropped: only the last run's would be of interest, and some scripts print a lot
  return new LuaEngine({ policy: 'strict', limits, stdout: () => {}, stderr: () => {} });
}

/** What went wrong in the shared run of a script, or null. */
function timedFailure(s: Script, o: Outcome, probe: string | null): string | null {
  const okName = s.expect.includes(o.name) || (o.name === 'LuaTimeoutError' && s.expect.some((x) => LIMIT_ERRORS.has(x)));
  if (!okName) return `ended with ${o.name} (${o.message}), expected ${s.expect.join('|')}`;
  if (o.ms >= ELAPSED_MAX) return `took ${o.ms.toFixed(1)} ms (limit ${ELAPSED_MAX} ms)`;
  if (probe !== null) return `the next normal run failed: ${probe}`;
  return null;
}

describe('hostile scripts', () => {
  let shared = sinkEngine(LIMITS);
  let exact = sinkEngine(EXACT_LIMITS);
  const timings: { name: string; exact: number; timed: number }[] = [];
  let heap0 = 0;

  beforeAll(() => {
    heap0 = retainedHeap();
    expect(shared.runSync(PROBE).values).toEqual(PROBE_RESULT);
  });

  it('the corpus has at least 60 scripts, each with a known expected outcome', () => {
    expect(SCRIPTS.length).toBeGreaterThanOrEqual(60);
    for (const s of SCRIPTS) {
      for (const x of s.expect) expect(OUTCOMES.has(x), `${s.name}: ${x}`).toBe(true);
      expect(s.expect.some((x) => x !== 'LuaTimeoutError'), `${s.name}: the exact outcome`).toBe(true);
    }
    for (const name of Object.keys(KNOWN_FAILING)) expect(SCRIPTS.some((s) => s.name === name), name).toBe(true);
  });

  /** The probe on the shared engine: null when it ran correctly. */
  function probe(): string | null {
    try {
      const r = shared.runSync(PROBE, { chunkname: '=probe' });
      const got = JSON.stringify(r.values);
      return got === JSON.stringify(PROBE_RESULT) ? null : `returned ${got}`;
    } catch (e) {
      return `${(e as Error).constructor.name}: ${(e as Error).message}`;
    }
  }

  for (const s of SCRIPTS) {
    const known = KNOWN_FAILING[s.name];
    it(`${s.name}: ${s.attack} -> ${s.expect.join('|')}${known ? ` [known failing: ${known.why}]` : ''}`, () => {
      // 1. the exact outcome (skipped for a script known to fail only in the shared run)
      let exactMs = NaN;
      if (known === undefined || known.fails === 'exact') {
        const o = run(exact, s.source, `=${s.name}`, known !== undefined ? KNOWN_EXACT_LIMITS : undefined);
        exactMs = o.ms;
        // LuaTimeoutError as an alternative is for the shared run (10 ms): the exact run has no
        // real time limit, and there a timeout is the safety net, never a right outcome
        const exactExpect = s.expect.filter((x) => x !== 'LuaTimeoutError');
        const ok = exactExpect.includes(o.name);
        if (known !== undefined) {
          expect(ok, `${s.name} is listed as failing its exact run but ended with ${o.name}`).toBe(false);
          return;
        }
        expect(exactExpect, `exact run ended with ${o.name}: ${o.message}`).toContain(o.name);
        expect(exact.runSync(PROBE).values).toEqual(PROBE_RESULT);
      }
      // 2. the shared engine: outcome, time, and a normal run afterwards. A run that took too
      // long, or a script meant to end by itself that ran out of time, is tried once more (the
      // machine may have been busy): that is a failure only when it happens twice.
      let o = run(shared, s.source, `=${s.name}`);
      let failure = timedFailure(s, o, probe());
      if (failure !== null && (o.ms >= ELAPSED_MAX || o.name === 'LuaTimeoutError')) {
        o = run(shared, s.source, `=${s.name}`);
        failure = timedFailure(s, o, probe());
      }
      timings.push({ name: s.name, exact: exactMs, timed: o.ms });
      if (known !== undefined) {
        // a script known to break the engine for good: the rest of the corpus gets new ones
        if (known.breaksEngine) {
          shared = sinkEngine(LIMITS);
          exact = sinkEngine(EXACT_LIMITS);
        }
        expect(failure, `${s.name} is listed as failing its shared run but passed`).not.toBeNull();
        return;
      }
      expect(failure).toBeNull();
    }, 30000);
  }

  it('process memory has not grown absurdly over the whole corpus', () => {
    const grown = (retainedHeap() - heap0) / MB;
    if (process.env.HOSTILE_TIMINGS) console.log(`heap grown by ${grown.toFixed(1)} MB`);
    expect(grown).toBeLessThan(200);
  });

  afterAll(() => {
    if (process.env.HOSTILE_TIMINGS) {
      const slow = [...timings].sort((a, b) => Math.max(b.exact || 0, b.timed) - Math.max(a.exact || 0, a.timed)).slice(0, 15);
      for (const t of slow) console.log(`${t.name.padEnd(34)} exact ${t.exact.toFixed(1).padStart(7)} ms   timed ${t.timed.toFixed(1).padStart(6)} ms`);
    }
  });
});
