#!/usr/bin/env node
// Sandbox micro-benchmarks of moonbox (dist/): what the engine adds around a run, what a
// state costs to make, and what the hard limits' accounting costs. bench/run.mjs runs them
// after the host-call benchmarks; on their own:
//
//   node bench/sandbox.mjs [--quick] [--write]
//
// --write puts the section "Sandbox: engine overhead, state creation, accounting" into
// BENCHMARKS.md, replacing that section only.
//
// What is measured (each part in node processes of its own):
//   overhead    engine.run('return 1') and engine.runSync('return 1') with a chunk cache
//               (so a run is a cache hit, not a compilation), on a plain engine and on a
//               pooled one (option `pool`); each tinybench sample is a batch of k runs
//               (awaited one after the other), the figure is the median sample / k
//   states      createState() (every library open), then with applyPolicy('standard')
//               and ('strict'), the state of a pool (createState, policy, the snapshot
//               and proxies of the pool), and a whole `new LuaEngine()`; median and mean
//               (the mean includes the collections that the garbage of many states causes)
//   accounting  every program of bench/programs (quick size) run by engine.runSync with
//               no limits, and with limits set so high that they never trigger
//               (instructions 1e12, memoryBytes 1e12, timeoutMs 1e9): the ratio of the
//               two times per program and their geometric mean. Each configuration runs
//               in its own process (so that neither shapes V8's feedback for the other),
//               the two alternate over several rounds, each program is run until its
//               times settle (settle()) and then timed; the figure is the median over
//               rounds and runs.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
export const SANDBOX_SECTION_TITLE = '## Sandbox: engine overhead, state creation, accounting';

const HIGH_LIMITS = { instructions: 1e12, memoryBytes: 1e12, timeoutMs: 1e9 };

// settings per mode: k runs per overhead sample, tinybench budgets; for the accounting,
// rounds, warm-up runs per program (at least warmMin, at most warmMax: see settle()) and
// timed runs per program per round.
const MODES = {
  quick: {
    k: 500, time: 300, warmupTime: 100, iterations: 5, warmupIterations: 2,
    rounds: 1, warmMin: 3, warmMax: 6, runs: 3,
  },
  full: {
    k: 1000, time: 1500, warmupTime: 400, iterations: 10, warmupIterations: 3,
    rounds: 2, warmMin: 4, warmMax: 14, runs: 5,
  },
};

const TARGETS = { pooledRunUs: 5, stateUs: 100, accountingRatio: 1.1 };

const dist = (p) => pathToFileURL(path.join(ROOT, 'dist', p)).href;

// ---------------------------------------------------------------------------
// workers

async function overheadWorker(mode) {
  const { Bench } = await import('tinybench');
  const { LuaEngine, ChunkCache } = await import(dist('index.js'));
  const quiet = { stdout: () => {}, stderr: () => {} };
  const plain = new LuaEngine({ ...quiet, cache: new ChunkCache() });
  const pooled = new LuaEngine({ ...quiet, cache: new ChunkCache(), pool: { max: 1 } });
  const src = 'return 1';
  assert.deepEqual((await plain.run(src)).values, [1]);
  assert.deepEqual(plain.runSync(src).values, [1]);
  assert.deepEqual((await pooled.run(src)).values, [1]);
  assert.deepEqual(pooled.runSync(src).values, [1]);
  const { k } = mode;
  const bench = new Bench({
    time: mode.time, warmupTime: mode.warmupTime, iterations: mode.iterations,
    warmupIterations: mode.warmupIterations, throws: true,
  });
  bench
    .add('plain-run', async () => { for (let i = 0; i < k; i++) await plain.run(src); })
    .add('plain-runSync', () => { for (let i = 0; i < k; i++) plain.runSync(src); })
    .add('pooled-run', async () => { for (let i = 0; i < k; i++) await pooled.run(src); })
    .add('pooled-runSync', () => { for (let i = 0; i < k; i++) pooled.runSync(src); });
  await bench.run();
  const us = (name) => {
    const t = bench.getTask(name);
    if (t.result.error) throw t.result.error;
    return (t.result.latency.p50 * 1000) / k;
  };
  const m = pooled.metrics();
  const stages = Object.fromEntries(Object.entries(m.durations).map(([s, d]) => [s, d.p50 * 1000]));
  await pooled.shutdown();
  return {
    plainRunUs: us('plain-run'), plainRunSyncUs: us('plain-runSync'),
    pooledRunUs: us('pooled-run'), pooledRunSyncUs: us('pooled-runSync'),
    pooledStagesUs: stages, poolStates: m.pool.created,
  };
}

async function statesWorker(mode) {
  const { Bench } = await import('tinybench');
  const { LuaEngine } = await import(dist('index.js'));
  const { createState } = await import(dist('engine/runtime.js'));
  const { applyPolicy } = await import(dist('engine/policy.js'));
  const { StatePool } = await import(dist('engine/pool.js'));
  const quiet = { stdout: () => {}, stderr: () => {} };
  const pool = new StatePool({
    max: 1, cleanupIntervalMs: 0,
    create: () => {
      const vm = createState(quiet);
      applyPolicy(vm, 'standard', { readOnlyProxies: false });
      return vm;
    },
  });
  let current = pool.tryAcquire();
  assert.ok(current !== null);
  let sink = 0;
  const bench = new Bench({
    time: mode.time, warmupTime: mode.warmupTime, iterations: mode.iterations,
    warmupIterations: mode.warmupIterations, throws: true,
  });
  bench
    .add('createState', () => { sink += createState(quiet).globals.length(); })
    .add('standard', () => { const vm = createState(quiet); applyPolicy(vm, 'standard'); sink += vm.globals.length(); })
    .add('strict', () => { const vm = createState(quiet); applyPolicy(vm, 'strict'); sink += vm.globals.length(); })
    .add('pool-state', () => {
      // a pool of one: close the state in use (discard), make the next one
      pool.discard(current);
      current = pool.tryAcquire();
      sink += current.id;
    })
    .add('engine', () => { sink += new LuaEngine(quiet).vm.globals.length(); });
  await bench.run();
  const fig = (name) => {
    const t = bench.getTask(name);
    if (t.result.error) throw t.result.error;
    return { medianUs: t.result.latency.p50 * 1000, meanUs: t.result.latency.mean * 1000 };
  };
  return {
    createState: fig('createState'), standard: fig('standard'), strict: fig('strict'),
    poolState: fig('pool-state'), engine: fig('engine'), sink: sink > 0,
  };
}

function loadPrograms() {
  const dir = path.join(ROOT, 'bench/programs');
  return readdirSync(dir).filter((f) => f.endsWith('.lua')).sort().map((f) => {
    const src = readFileSync(path.join(dir, f), 'latin1');
    const m = /^-- size: full=(\d+) quick=(\d+)/m.exec(src);
    return { name: f.slice(0, -4), src, size: m ? m[2] : undefined };
  }).filter((p) => p.size !== undefined);
}

/**
 * Warm-up: run until the times stop falling. A program's first runs are several times
 * slower than its settled ones (V8 optimising the interpreter, moonbox compiling the
 * program's hot code: json takes about six runs to go from 1.5 s to 0.12 s), and the two
 * configurations must be compared settled. A run counts as still improving when it is
 * more than 8% faster than the best so far; warm-up ends after two runs in a row that are
 * not (and at least warmMin runs), or at warmMax runs.
 */
function settle(mode, runOnce) {
  let best = Infinity;
  let flat = 0;
  for (let w = 1; w <= mode.warmMax; w++) {
    const t = runOnce();
    flat = t < best * 0.92 ? 0 : flat + 1;
    if (t < best) best = t;
    if (w >= mode.warmMin && flat >= 2) return w;
  }
  return mode.warmMax;
}

async function accountingWorker(mode, config) {
  const { LuaEngine } = await import(dist('index.js'));
  const limits = config === 'limited' ? HIGH_LIMITS : undefined;
  const out = {};
  for (const p of loadPrograms()) {
    // an engine per program; the chunk is compiled once and run again and again
    let output = '';
    const engine = new LuaEngine({ policy: 'standard', stdout: (s) => { output += s; }, stderr: () => {} });
    const chunk = engine.compile(p.src, `=${p.name}`);
    const opts = { globals: { arg: [p.size] }, limits };
    const times = [];
    try {
      engine.runSync(chunk, opts);
      const expected = output;
      settle(mode, () => {
        const t0 = performance.now();
        engine.runSync(chunk, opts);
        return performance.now() - t0;
      });
      for (let r = 0; r < mode.runs; r++) {
        output = '';
        const t0 = performance.now();
        engine.runSync(chunk, opts);
        times.push(performance.now() - t0);
        if (output !== expected) throw new Error('output differs between runs');
      }
      out[p.name] = { times, output: expected };
    } catch (e) {
      out[p.name] = { error: e && e.message ? e.message.split('\n')[0] : String(e) };
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// driver

function spawnWorker(args) {
  const r = spawnSync(process.execPath, [SELF, ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: 900000, maxBuffer: 64 * 1024 * 1024,
  });
  const line = (r.stdout || '').split('\n').find((l) => l.startsWith('@@sandbox '));
  if (r.status === 0 && line) return JSON.parse(line.slice('@@sandbox '.length));
  const why = r.error ? r.error.message : ((r.stderr || '').trim().split('\n').find((l) => l.trim()) || `exit ${r.status}`);
  return { error: why };
}

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return undefined;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

function geomean(xs) {
  return xs.length === 0 ? undefined : Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}

/** Runs the workers; returns the figures of the three parts. */
export function runSandbox({ quick = false, progress = () => {} } = {}) {
  const t0 = Date.now();
  const load0 = os.loadavg()[0];
  const m = quick ? 'quick' : 'full';
  const overhead = spawnWorker(['--worker=overhead', `--mode=${m}`]);
  progress(`sandbox: engine overhead ${overhead.error ? `error (${overhead.error})` : 'done'}\n`);
  const states = spawnWorker(['--worker=states', `--mode=${m}`]);
  progress(`sandbox: state creation ${states.error ? `error (${states.error})` : 'done'}\n`);
  // accounting: the two configurations alternate, each round in fresh processes
  const rounds = MODES[m].rounds;
  const byConfig = { plain: [], limited: [] };
  const errors = [];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? ['plain', 'limited'] : ['limited', 'plain'];
    for (const config of order) {
      const res = spawnWorker(['--worker=accounting', `--mode=${m}`, `--config=${config}`]);
      if (res.error) errors.push(`${config}: ${res.error}`);
      else byConfig[config].push(res);
      progress(`sandbox: accounting round ${r + 1}/${rounds} ${config} ${res.error ? 'error' : 'done'}\n`);
    }
  }
  const programs = [];
  const names = new Set([...byConfig.plain, ...byConfig.limited].flatMap((x) => Object.keys(x)));
  for (const name of [...names].sort()) {
    const row = { name };
    for (const config of ['plain', 'limited']) {
      const runs = byConfig[config].map((x) => x[name]).filter(Boolean);
      const failed = runs.find((x) => x.error);
      if (failed) row[config] = { error: failed.error };
      else row[config] = { ms: median(runs.flatMap((x) => x.times)), output: runs[0]?.output };
    }
    if (row.plain.ms !== undefined && row.limited.ms !== undefined) {
      if (row.plain.output !== row.limited.output) row.problem = 'output differs with limits';
      else row.ratio = row.limited.ms / row.plain.ms;
    }
    programs.push(row);
  }
  const ratios = programs.filter((p) => p.ratio !== undefined).map((p) => p.ratio);
  return {
    quick, overhead, states, accounting: { programs, geomean: geomean(ratios), counted: ratios.length, errors },
    elapsed: (Date.now() - t0) / 1000, load: [load0, os.loadavg()[0]],
  };
}

// ---------------------------------------------------------------------------
// tables

function fmt(v, digits = 2) {
  return v === undefined ? '-' : v.toFixed(digits);
}

function mark(v, target, fmtv) {
  if (v === undefined) return 'error';
  return fmtv(v) + (v >= target ? ' (missed)' : '');
}

function tables(run) {
  const out = [];
  const o = run.overhead;
  if (o.error) {
    out.push({ title: 'engine overhead', error: o.error });
  } else {
    out.push({
      title: 'engine overhead of a cached `return 1` run (µs per run, median)',
      header: ['', 'run (async)', 'runSync', 'target'],
      rows: [
        ['plain engine', fmt(o.plainRunUs), fmt(o.plainRunSyncUs), ''],
        ['pooled engine', mark(o.pooledRunUs, TARGETS.pooledRunUs, fmt), fmt(o.pooledRunSyncUs), `< ${TARGETS.pooledRunUs} µs (run)`],
      ],
    });
    const st = o.pooledStagesUs;
    out.push({
      title: 'pooled engine: median per stage (µs, from engine.metrics() after the runs above)',
      header: ['compile (cache hit)', 'acquire', 'prepare', 'execute', 'convert', 'release', 'total'],
      rows: [['compile', 'acquire', 'prepare', 'execute', 'convert', 'release', 'total'].map((k) => fmt(st[k]))],
    });
  }
  const s = run.states;
  if (s.error) {
    out.push({ title: 'state creation', error: s.error });
  } else {
    const row = (label, f, target) => [label, target ? mark(f.medianUs, TARGETS.stateUs, (v) => fmt(v, 1)) : fmt(f.medianUs, 1), fmt(f.meanUs, 1), target ? `< ${TARGETS.stateUs} µs` : ''];
    out.push({
      title: 'state creation (µs)',
      header: ['', 'median', 'mean', 'target'],
      rows: [
        row('createState() (every library)', s.createState, false),
        row('createState() + policy standard', s.standard, true),
        row('createState() + policy strict', s.strict, false),
        row('a pool\'s state (+ snapshot and proxies; closing the last one included)', s.poolState, false),
        row('new LuaEngine()', s.engine, false),
      ],
    });
  }
  const a = run.accounting;
  const cell = (c) => (c.error ? 'error' : fmt(c.ms, 1));
  const rows = a.programs.map((p) => [p.name, cell(p.plain), cell(p.limited), p.ratio !== undefined ? fmt(p.ratio, 3) : (p.problem ?? '-')]);
  rows.push(['geometric mean', '', '', a.geomean === undefined ? '-' : `${mark(a.geomean, TARGETS.accountingRatio, (v) => fmt(v, 3))} (${a.counted}/${a.programs.length}; target < ${TARGETS.accountingRatio})`]);
  out.push({
    title: 'accounting: programs with limits that never trigger vs no limits (ms, median)',
    header: ['program', 'no limits', 'high limits', 'ratio'],
    rows,
  });
  return out;
}

function textTable(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => String(r[c]).length)));
  const line = (r) => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function mdTable(header, rows) {
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map((_, c) => (c === 0 ? ':---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export function sandboxText(run) {
  const lines = [`sandbox (${run.quick ? 'quick' : 'full'}):`];
  for (const t of tables(run)) {
    lines.push('', t.title + ':');
    if (t.error) lines.push(`  error: ${t.error}`);
    else lines.push('', textTable(t.header, t.rows));
  }
  for (const e of run.accounting.errors) lines.push(`  - ${e}`);
  return lines.join('\n');
}

function pkgVersion(name) {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

/** The markdown section (title included, ending with a newline). */
export function sandboxMarkdown(run, { command, machine }) {
  const m = MODES[run.quick ? 'quick' : 'full'];
  const md = [
    SANDBOX_SECTION_TITLE,
    '',
    '<!-- generated by bench/sandbox.mjs (also run by bench/run.mjs) -->',
    '',
    'What the embedding engine adds around a run, what a state costs to make, and what the',
    'accounting of the hard limits (instructions, memory, time) costs a running program.',
    '',
    `- **engine overhead**: \`engine.run('return 1')\` (awaited) and \`engine.runSync('return 1')\``,
    '  on an engine with a chunk cache (every run is a cache hit), plain and pooled',
    `  (\`pool: { max: 1 }\`: each run takes the state, gets a fresh _ENV, gives the state back);`,
    `  tinybench samples of ${m.k} runs in a row, median sample / ${m.k}. The stage figures are`,
    '  the pooled engine\'s own `metrics()` after those runs.',
    '- **state creation**: `createState()` (every library open), then the policy applied',
    '  (`applyPolicy`), a state as a pool makes it (createState, policy, the snapshot of its',
    '  globals and its read-only proxies), and a whole `new LuaEngine()`; the mean includes',
    '  the collections that the garbage of many states causes.',
    `- **accounting**: each program of \`bench/programs\` at its quick size, run by`,
    '  `engine.runSync` with no limits and with limits that never trigger',
    '  (`{ instructions: 1e12, memoryBytes: 1e12, timeoutMs: 1e9 }`). Each configuration runs in',
    '  node processes of its own,',
    `  alternating over ${m.rounds} round(s); per round each program first runs until its times stop falling`,
    `  (${m.warmMin} to ${m.warmMax} runs: its first runs are several times slower, while V8 optimises the`,
    `  interpreter and moonbox compiles the program), then ${m.runs} timed runs; the figure is the median,`,
    '  the ratio is high limits / no limits.',
    '',
    `Command: \`${command}\` (${run.quick ? 'quick' : 'full'} settings)  `,
    `Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}  `,
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.os}  `,
    `Node ${process.version}; tinybench ${pkgVersion('tinybench')}  `,
    `Time of this part: ${run.elapsed.toFixed(0)} s; 1-minute load average ${run.load[0].toFixed(2)} at start, ${run.load[1].toFixed(2)} at end` +
      (Math.max(...run.load) > machine.cores * 0.75 ? ' (other processes were competing for the CPUs: expect noise)' : ''),
    '',
  ];
  for (const t of tables(run)) {
    md.push(`### ${t.title[0].toUpperCase()}${t.title.slice(1)}`, '');
    if (t.error) md.push(`Error: ${t.error}`, '');
    else md.push(mdTable(t.header, t.rows), '');
  }
  if (run.accounting.errors.length) md.push(...run.accounting.errors.map((e) => `- ${e}`), '');
  return md.join('\n');
}

/** Replace (or append) the section in an existing markdown text. */
export function spliceSandboxSection(text, section) {
  const title = SANDBOX_SECTION_TITLE;
  const start = text.indexOf(`\n${title}\n`);
  if (start < 0) return text.replace(/\n*$/, '\n\n') + section;
  const rest = text.slice(start + 1 + title.length);
  const next = rest.search(/\n## /);
  const end = next < 0 ? text.length : start + 1 + title.length + next + 1;
  return text.slice(0, start + 1) + section + (next < 0 ? '' : '\n' + text.slice(end));
}

function machineInfo() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const mm = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (mm) cpu = mm[1].trim();
  } catch {
    // not Linux
  }
  return { cpu, cores: os.cpus().length, os: `${os.type()} ${os.release()} ${os.arch()}` };
}

async function main() {
  const argv = process.argv.slice(2);
  const workerArg = argv.find((a) => a.startsWith('--worker='));
  if (workerArg) {
    const mode = MODES[(argv.find((a) => a.startsWith('--mode=')) ?? '--mode=full').slice(7)];
    const worker = workerArg.slice('--worker='.length);
    let r;
    if (worker === 'overhead') r = await overheadWorker(mode);
    else if (worker === 'states') r = await statesWorker(mode);
    else if (worker === 'accounting') r = await accountingWorker(mode, (argv.find((a) => a.startsWith('--config=')) ?? '').slice(9));
    else throw new Error(`unknown worker '${worker}'`);
    process.stdout.write(`@@sandbox ${JSON.stringify(r)}\n`);
    process.exit(0);
  }
  for (const a of argv) {
    if (a !== '--quick' && a !== '--full' && a !== '--write') {
      console.error('usage: node bench/sandbox.mjs [--quick] [--write]');
      process.exit(2);
    }
  }
  const run = runSandbox({ quick: argv.includes('--quick'), progress: (s) => process.stderr.write(s) });
  console.log(sandboxText(run));
  if (argv.includes('--write')) {
    const file = path.join(ROOT, 'BENCHMARKS.md');
    const command = `node bench/sandbox.mjs ${argv.join(' ')}`.trim();
    writeFileSync(file, spliceSandboxSection(readFileSync(file, 'utf8'), sandboxMarkdown(run, { command, machine: machineInfo() })));
    console.log('\nwrote the sandbox section of BENCHMARKS.md');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  main().catch((e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
  });
}
