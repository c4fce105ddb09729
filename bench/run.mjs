#!/usr/bin/env node
// moonbox benchmark suite: runs every program in bench/programs side by side on
// lua5.4 (the reference), moonbox, fengari (Lua 5.3 in JS) and wasmoon (C Lua 5.4
// in WebAssembly), prints median wall times and ratios to lua5.4, and writes
// BENCHMARKS.md.
//
//   npm run bench                          full sizes, 5 runs (fengari 1)
//   npm run bench -- --quick               quick sizes, 1 run
//   npm run bench -- --only=fib,nbody --runs=3 --interp=moonbox,fengari
//   npm run bench -- --hostcalls-only      only the host-call micro-benchmarks
//   npm run bench -- --sandbox-only        only the sandbox micro-benchmarks
//
// After the programs, bench/hostcalls.mjs measures host calls and value conversion
// in-process (moonbox, fengari, wasmoon; section "Host calls and conversion"), and
// bench/sandbox.mjs the engine's overhead per run (plain and pooled), state creation and
// the cost of the limits' accounting (moonbox only; section "Sandbox: ...").
//
// Invariants of the measurement:
// 1. Every run is a separate process; the time is the wall time from spawn to
//    exit, so it includes interpreter startup (node + library load for the JS
//    peers). The startup of each interpreter alone is measured with a one-line
//    program and reported beside the table.
// 2. Runs of one program are interleaved across interpreters (round r runs every
//    interpreter once) so that slow drift of the machine hits all of them alike.
// 3. lua5.4 always runs: its stdout is the expected output of every program, and
//    every run of every interpreter is compared with it byte for byte. A run whose
//    output differs is reported as "output differs" and left out of the means.
// 4. The table reports medians; the geometric mean of the ratios is taken over the
//    programs that ran correctly on both interpreters being compared.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  HOSTCALL_INTERPS, runHostCalls, hostCallsText, hostCallsMarkdown, spliceSection,
} from './hostcalls.mjs';
import {
  runSandbox, sandboxText, sandboxMarkdown, spliceSandboxSection,
} from './sandbox.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROGRAMS_DIR = 'bench/programs';
const HELLO = 'bench/peers/hello.lua';
const ALL_INTERPS = ['lua5.4', 'moonbox', 'moonbox-interp', 'fengari', 'wasmoon'];

// ---------------------------------------------------------------------------
// options

const USAGE = `usage: node bench/run.mjs [options]
  --quick              quick sizes (about 5-10x smaller), 1 run each
  --runs=N             runs per program and interpreter (default: full 5, quick 1)
  --fengari-runs=N     runs for fengari, which is 20-40x slower than lua5.4
                       (default 1, so that a full run stays near 15 minutes)
  --only=a,b           only these programs (names without .lua)
  --interp=a,b         interpreters among ${ALL_INTERPS.join(',')} (lua5.4 always runs)
  --timeout=S          per-run timeout in seconds (default 120)
  --out=FILE           report file (default BENCHMARKS.md)
  --write / --no-write write the report or not (default: write, except with
                       --only or --interp, which would leave a partial report)
  --no-hostcalls       skip the host-call and conversion micro-benchmarks
                       (skipped by default with --only)
  --hostcalls-only     run only those; with --write (the default) they replace
                       their own section of the report, nothing else
  --no-sandbox         skip the sandbox micro-benchmarks (skipped by default with
                       --only, or when moonbox is not among --interp)
  --sandbox-only       run only those; with --write (the default) they replace
                       their own section of the report, nothing else
  --help`;

function parseArgs(argv) {
  const o = {
    quick: false, runs: undefined, fengariRuns: undefined, only: undefined,
    interps: ALL_INTERPS.slice(), timeout: 120, out: 'BENCHMARKS.md', write: undefined,
    hostcalls: undefined, hostcallsOnly: false, sandbox: undefined, sandboxOnly: false,
  };
  for (const a of argv) {
    const eq = a.indexOf('=');
    const key = eq < 0 ? a : a.slice(0, eq);
    const val = eq < 0 ? undefined : a.slice(eq + 1);
    const num = () => {
      const n = Number(val);
      if (!Number.isFinite(n) || n <= 0) fail(`${key} needs a positive number`);
      return n;
    };
    switch (key) {
      case '--quick': o.quick = true; break;
      case '--runs': o.runs = Math.floor(num()); break;
      case '--fengari-runs': o.fengariRuns = Math.floor(num()); break;
      case '--only': o.only = (val ?? '').split(',').map((s) => s.trim().replace(/\.lua$/, '')).filter(Boolean); break;
      case '--interp': {
        const list = (val ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        for (const i of list) if (!ALL_INTERPS.includes(i)) fail(`unknown interpreter '${i}'`);
        o.interps = ALL_INTERPS.filter((i) => i === 'lua5.4' || list.includes(i));
        o.interpGiven = true;
        break;
      }
      case '--timeout': o.timeout = num(); break;
      case '--out': o.out = val; break;
      case '--write': o.write = true; break;
      case '--no-write': o.write = false; break;
      case '--no-hostcalls': o.hostcalls = false; break;
      case '--hostcalls-only': o.hostcallsOnly = true; o.hostcalls = true; break;
      case '--no-sandbox': o.sandbox = false; break;
      case '--sandbox-only': o.sandboxOnly = true; o.sandbox = true; break;
      case '--help': case '-h': console.log(USAGE); process.exit(0); break;
      default: fail(`unknown option '${a}'`);
    }
  }
  if (o.runs === undefined) o.runs = o.quick ? 1 : 5;
  if (o.fengariRuns === undefined) o.fengariRuns = 1;
  if (o.write === undefined) o.write = o.hostcallsOnly || o.sandboxOnly || (!o.only && !o.interpGiven);
  if (o.hostcalls === undefined) o.hostcalls = !o.only;
  if (o.sandbox === undefined) o.sandbox = !o.only && o.interps.includes('moonbox');
  return o;
}

function fail(msg) {
  console.error(`bench: ${msg}\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------
// programs: bench/programs/NAME.lua with a header line `-- size: full=N quick=M`

function loadPrograms(only) {
  const files = readdirSync(path.join(ROOT, PROGRAMS_DIR)).filter((f) => f.endsWith('.lua')).sort();
  const programs = files.map((f) => {
    const src = readFileSync(path.join(ROOT, PROGRAMS_DIR, f), 'utf8');
    const m = /^-- size: full=(\d+) quick=(\d+)/m.exec(src);
    if (!m) fail(`${f} has no '-- size: full=N quick=M' line`);
    return { name: f.slice(0, -4), file: `${PROGRAMS_DIR}/${f}`, full: m[1], quick: m[2] };
  });
  if (!only) return programs;
  for (const name of only) if (!programs.some((p) => p.name === name)) fail(`no program '${name}'`);
  return programs.filter((p) => only.includes(p.name));
}

// ---------------------------------------------------------------------------
// interpreters: each gives the command line for `run FILE SIZE`

const INTERPS = {
  'lua5.4': { label: 'lua5.4', command: (file, args) => ['lua5.4', [file, ...args]] },
  moonbox: { label: 'moonbox', command: (file, args) => [process.execPath, ['bin/moonbox.js', file, ...args]] },
  // the interpreter alone: the compiling tier switched off
  'moonbox-interp': {
    label: 'moonbox-interp', command: (file, args) => [process.execPath, ['bin/moonbox.js', file, ...args]],
    env: { MOONBOX_JIT: '0' },
  },
  fengari: { label: 'fengari', command: (file, args) => [process.execPath, ['bench/peers/fengari.mjs', file, ...args]] },
  wasmoon: { label: 'wasmoon', command: (file, args) => [process.execPath, ['bench/peers/wasmoon.mjs', file, ...args]] },
};

// One process run. Returns {ms, status, stdout, stderr, inproc}; status is 'ok',
// 'error' (non-zero exit or signal) or 'timeout'.
function runOnce(interp, file, args, timeoutMs) {
  const [cmd, argv] = INTERPS[interp].command(file, args);
  const t0 = process.hrtime.bigint();
  const env = INTERPS[interp].env;
  const r = spawnSync(cmd, argv, {
    env: env === undefined ? process.env : { ...process.env, ...env },
    cwd: ROOT, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const stdout = r.stdout ?? Buffer.alloc(0);
  const stderrText = (r.stderr ?? Buffer.alloc(0)).toString('utf8');
  const m = /^@@inproc ([\d.]+)$/m.exec(stderrText);
  const stderr = stderrText.replace(/^@@inproc .*\n?/m, '');
  let status = 'ok';
  if (r.error && r.error.code === 'ETIMEDOUT') status = 'timeout';
  else if (r.error || r.status !== 0) status = 'error';
  let detail = '';
  if (status === 'error') {
    detail = r.error ? r.error.message : (r.signal ? `killed by ${r.signal}` : `exit ${r.status}`);
    const first = stderr.split('\n').find((l) => l.trim() !== '');
    if (first) detail += `: ${first.trim()}`;
  }
  return { ms, status, detail, stdout, inproc: m ? Number(m[1]) : undefined };
}

// Is the interpreter usable at all? (moonbox's CLI may not exist yet.)
function probe(interp) {
  if (interp.startsWith('moonbox') && !existsSync(path.join(ROOT, 'bin/moonbox.js'))) {
    return { ok: false, why: 'bin/moonbox.js does not exist yet' };
  }
  if (interp === 'fengari' || interp === 'wasmoon') {
    if (!existsSync(path.join(ROOT, 'node_modules', interp))) return { ok: false, why: `node_modules/${interp} missing` };
  }
  let r;
  try {
    r = runOnce(interp, HELLO, [], 30000);
  } catch (e) {
    return { ok: false, why: e.message };
  }
  if (r.status !== 'ok') return { ok: false, why: r.detail || r.status };
  if (r.stdout.toString('latin1') !== 'ok\n') return { ok: false, why: `print("ok") printed ${JSON.stringify(r.stdout.toString('latin1'))}` };
  return { ok: true };
}

// ---------------------------------------------------------------------------
// statistics and formatting

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return undefined;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

function geomean(xs) {
  if (xs.length === 0) return undefined;
  return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
}

function fmtMs(ms) {
  if (ms === undefined) return '-';
  return ms < 100 ? ms.toFixed(1) : String(Math.round(ms));
}

function fmtRatio(r) {
  if (r === undefined) return '-';
  return r < 10 ? `${r.toFixed(2)}x` : `${r.toFixed(1)}x`;
}

// how much faster a is than b, given b/a
function fmtSpeed(s) {
  return s >= 1 ? `${s.toFixed(2)}x faster` : `${(1 / s).toFixed(2)}x slower`;
}

// first differing line of two outputs, for the report
function firstDiff(expected, got) {
  const e = expected.toString('latin1').split('\n');
  const g = got.toString('latin1').split('\n');
  for (let i = 0; i < Math.max(e.length, g.length); i++) {
    if (e[i] !== g[i]) {
      const show = (s) => (s === undefined ? '(no line)' : JSON.stringify(s.length > 100 ? s.slice(0, 100) + '...' : s));
      return `line ${i + 1}: expected ${show(e[i])}, got ${show(g[i])}`;
    }
  }
  return 'outputs differ';
}

function shell(cmd, args) {
  try {
    const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: 10000 });
    return ((r.stdout || '') + (r.stderr || '')).trim();
  } catch {
    return '';
  }
}

function machineInfo() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    // not Linux: keep os.cpus()
  }
  const pkgVersion = (name) => {
    try {
      return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return 'not installed';
    }
  };
  const rev = shell('git', ['rev-parse', '--short', 'HEAD']);
  return {
    cpu,
    cores: os.cpus().length,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    lua: shell('lua5.4', ['-v']).split('\n')[0].replace(/\s+Copyright.*$/, '') || 'not found',
    fengari: pkgVersion('fengari'),
    wasmoon: pkgVersion('wasmoon'),
    moonbox: /^[0-9a-f]{4,}$/.test(rev) ? rev : 'no commit yet',
  };
}

// Lays out rows of cells as an aligned text table (first column left-aligned).
function textTable(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => String(r[c]).length)));
  const line = (r) => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// align: one of 'l'/'r' per column (default: first left, the rest right)
function mdTable(header, rows, align) {
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  const al = align ?? header.map((_, c) => (c === 0 ? 'l' : 'r'));
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${al.map((a) => (a === 'l' ? ':---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

// ---------------------------------------------------------------------------
// the run

// the host-call micro-benchmarks on the chosen interpreters (lua5.4 has no JS side)
function hostCalls(opts) {
  const interps = HOSTCALL_INTERPS.filter((i) => opts.interps.includes(i));
  return runHostCalls({ quick: opts.quick, interps, progress: (s) => process.stderr.write(s) });
}

function commandLine() {
  const cmdArgs = process.argv.slice(2);
  return `npm run bench${cmdArgs.length ? ' -- ' + cmdArgs.join(' ') : ''}`;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.sandboxOnly) {
    const sb = runSandbox({ quick: opts.quick, progress: (s) => process.stderr.write(s) });
    console.log('\n' + sandboxText(sb));
    if (opts.write) {
      const file = path.join(ROOT, opts.out);
      const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
      writeFileSync(file, spliceSandboxSection(old, sandboxMarkdown(sb, { command: commandLine(), machine: machineInfo() })));
      console.log(`\nwrote the sandbox section of ${opts.out}`);
    }
    return;
  }
  if (opts.hostcallsOnly) {
    const hc = hostCalls(opts);
    console.log('\n' + hostCallsText(hc));
    if (opts.write) {
      const file = path.join(ROOT, opts.out);
      const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
      writeFileSync(file, spliceSection(old, hostCallsMarkdown(hc, { command: commandLine(), machine: machineInfo() })));
      console.log(`\nwrote the host-calls section of ${opts.out}`);
    }
    return;
  }
  const programs = loadPrograms(opts.only);
  const timeoutMs = opts.timeout * 1000;
  const runsFor = (i) => (i === 'fengari' ? opts.fengariRuns : opts.runs);
  const progress = (s) => process.stderr.write(s);

  // which interpreters can run at all
  const avail = {};
  for (const i of opts.interps) {
    avail[i] = probe(i);
    if (!avail[i].ok) progress(`bench: ${i} n/a (${avail[i].why})\n`);
  }
  if (!avail['lua5.4'].ok) fail(`lua5.4 is needed as the reference: ${avail['lua5.4'].why}`);
  const active = opts.interps.filter((i) => avail[i].ok);

  // startup: median wall time of print("ok")
  const startup = {};
  for (const i of active) {
    const times = [];
    for (let r = 0; r < Math.max(3, opts.runs); r++) times.push(runOnce(i, HELLO, [], 30000).ms);
    startup[i] = median(times);
  }
  progress(`startup: ${active.map((i) => `${i} ${fmtMs(startup[i])} ms`).join(', ')}\n`);

  const started = Date.now();
  const loadStart = os.loadavg()[0];
  const results = []; // {program, size, cells: {interp: cell}}
  for (const p of programs) {
    const size = opts.quick ? p.quick : p.full;
    const cells = {};
    for (const i of opts.interps) {
      cells[i] = avail[i].ok
        ? { status: 'ok', times: [], inprocs: [], detail: '' }
        : { status: 'n/a', times: [], inprocs: [], detail: avail[i].why };
    }
    let expected;
    const rounds = Math.max(...active.map(runsFor));
    for (let r = 0; r < rounds; r++) {
      for (const i of active) {
        const cell = cells[i];
        if (r >= runsFor(i) || cell.status === 'error' || cell.status === 'timeout') continue;
        if (i !== 'lua5.4' && expected === undefined) continue; // no reference output
        const run = runOnce(i, p.file, [size], timeoutMs);
        if (run.status !== 'ok') {
          cell.status = run.status;
          cell.detail = run.detail || run.status;
          continue;
        }
        if (i === 'lua5.4' && expected === undefined) expected = run.stdout;
        if (!run.stdout.equals(expected) && cell.status === 'ok') {
          cell.status = 'differs';
          cell.detail = firstDiff(expected, run.stdout);
        }
        cell.times.push(run.ms);
        if (run.inproc !== undefined) cell.inprocs.push(run.inproc);
      }
    }
    for (const i of opts.interps) {
      const cell = cells[i];
      cell.ms = median(cell.times);
      cell.inproc = median(cell.inprocs);
      if (i !== 'lua5.4' && expected === undefined && cell.status === 'ok') {
        cell.status = 'error';
        cell.detail = 'no reference output (lua5.4 failed)';
      }
    }
    const lua = cells['lua5.4'];
    for (const i of opts.interps) {
      const cell = cells[i];
      if (i !== 'lua5.4' && cell.status === 'ok' && lua.status === 'ok') cell.ratio = cell.ms / lua.ms;
    }
    results.push({ program: p.name, size, cells });
    progress(`${p.name.padEnd(14)} ${String(size).padStart(8)}  ` +
      opts.interps.map((i) => `${i} ${cellText(cells[i])}`).join('  ') + '\n');
  }
  const elapsed = (Date.now() - started) / 1000;

  const load = [loadStart, os.loadavg()[0]];
  const report = buildReport(opts, results, startup, avail, elapsed, load);
  if (opts.hostcalls) {
    const hc = hostCalls(opts);
    report.text += '\n\n' + hostCallsText(hc);
    report.markdown = report.markdown.replace(/\n*$/, '\n\n') + hostCallsMarkdown(hc, { command: commandLine(), machine: machineInfo() });
  }
  if (opts.sandbox) {
    const sb = runSandbox({ quick: opts.quick, progress: (s) => process.stderr.write(s) });
    report.text += '\n\n' + sandboxText(sb);
    report.markdown = report.markdown.replace(/\n*$/, '\n\n') + sandboxMarkdown(sb, { command: commandLine(), machine: machineInfo() });
  }
  console.log('\n' + report.text);
  if (opts.write) {
    writeFileSync(path.join(ROOT, opts.out), report.markdown);
    console.log(`\nwrote ${opts.out}`);
    // memory per object (bench/memory.mjs, its own processes) adds its section to the report
    if (opts.out === 'BENCHMARKS.md' && !opts.quick) {
      const m = spawnSync(process.execPath, ['bench/memory.mjs', '--write'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
      if (m.status !== 0) process.stderr.write('bench: bench/memory.mjs failed\n');
      // and the download sizes (bench/size.mjs)
      const z = spawnSync(process.execPath, ['bench/size.mjs', '--write'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
      if (z.status !== 0) process.stderr.write('bench: bench/size.mjs failed\n');
    }
  } else {
    console.log(`\n(${opts.out} not written: partial run; pass --write to write it anyway)`);
  }
}

function cellText(cell) {
  switch (cell.status) {
    case 'ok': return `${fmtMs(cell.ms)} ms`;
    case 'differs': return `${fmtMs(cell.ms)} ms OUTPUT DIFFERS`;
    case 'timeout': return 'timeout';
    case 'error': return 'error';
    default: return 'n/a';
  }
}

// the ms cell and the ratio cell of one interpreter in the table
function tableCells(cell, isLua) {
  if (cell.status === 'n/a') return isLua ? ['n/a'] : ['n/a', ''];
  if (cell.status === 'timeout') return isLua ? ['timeout'] : ['timeout', ''];
  if (cell.status === 'error') return isLua ? ['error'] : ['error', ''];
  if (cell.status === 'differs') return isLua ? [fmtMs(cell.ms)] : [fmtMs(cell.ms), 'output differs'];
  return isLua ? [fmtMs(cell.ms)] : [fmtMs(cell.ms), fmtRatio(cell.ratio)];
}

function buildReport(opts, results, startup, avail, elapsed, load) {
  const interps = opts.interps;
  const others = interps.filter((i) => i !== 'lua5.4');
  const vsFengari = interps.includes('moonbox') && interps.includes('fengari');

  const header = ['program', 'size', 'lua5.4 ms'];
  for (const i of others) header.push(`${i} ms`, 'vs lua');
  if (vsFengari) header.push('moonbox vs fengari');

  const rows = [];
  const ratios = Object.fromEntries(others.map((i) => [i, []]));
  const speedups = [];
  for (const r of results) {
    const row = [r.program, r.size, ...tableCells(r.cells['lua5.4'], true)];
    for (const i of others) {
      row.push(...tableCells(r.cells[i], false));
      if (r.cells[i].ratio !== undefined) ratios[i].push(r.cells[i].ratio);
    }
    if (vsFengari) {
      const m = r.cells.moonbox;
      const f = r.cells.fengari;
      if (m.status === 'ok' && f.status === 'ok') {
        const s = f.ms / m.ms;
        speedups.push(s);
        row.push(fmtSpeed(s));
      } else {
        row.push('-');
      }
    }
    rows.push(row);
  }
  const gm = ['geometric mean', '', ''];
  for (const i of others) {
    const g = geomean(ratios[i]);
    gm.push('', g === undefined ? '-' : `${fmtRatio(g)} (${ratios[i].length}/${results.length})`);
  }
  if (vsFengari) {
    const g = geomean(speedups);
    gm.push(g === undefined ? '-' : `${fmtSpeed(g)} (${speedups.length}/${results.length})`);
  }
  rows.push(gm);

  // startup row
  const su = ['startup: print("ok")', '', startup['lua5.4'] === undefined ? 'n/a' : fmtMs(startup['lua5.4'])];
  for (const i of others) su.push(startup[i] === undefined ? 'n/a' : fmtMs(startup[i]), '');
  if (vsFengari) su.push('');

  // in-process times from the peer drivers (@@inproc on stderr)
  const inprocInterps = interps.filter((i) => results.some((r) => r.cells[i].inproc !== undefined));
  const inprocHeader = ['program', 'lua5.4 wall ms', ...inprocInterps.map((i) => `${i} in-process ms`), ...inprocInterps.map((i) => `${i} vs lua`)];
  const inprocRows = results.map((r) => {
    const lua = r.cells['lua5.4'];
    return [
      r.program, fmtMs(lua.ms),
      ...inprocInterps.map((i) => fmtMs(r.cells[i].inproc)),
      ...inprocInterps.map((i) => (r.cells[i].inproc !== undefined && lua.status === 'ok' ? fmtRatio(r.cells[i].inproc / lua.ms) : '-')),
    ];
  });

  // problems: every cell that is not ok, with why
  const problems = [];
  for (const i of interps) {
    if (avail[i] && !avail[i].ok) problems.push(`${i}: n/a for every program (${avail[i].why})`);
  }
  for (const r of results) {
    for (const i of interps) {
      const c = r.cells[i];
      if (c.status === 'differs') problems.push(`${r.program} on ${i}: output differs from lua5.4 (${c.detail})`);
      else if (c.status === 'error') problems.push(`${r.program} on ${i}: error (${c.detail})`);
      else if (c.status === 'timeout') problems.push(`${r.program} on ${i}: timeout after ${opts.timeout} s`);
    }
  }

  const runsNote = interps.map((i) => `${i} ${i === 'fengari' ? opts.fengariRuns : opts.runs}`).join(', ');
  const mode = opts.quick ? 'quick' : 'full';
  const cmdArgs = process.argv.slice(2);
  const command = `npm run bench${cmdArgs.length ? ' -- ' + cmdArgs.join(' ') : ''}`;
  const info = machineInfo();

  const textParts = [
    `mode: ${mode}; runs per program: ${runsNote}; median wall time per process, startup included`,
    '',
    textTable(header, [...rows, su]),
  ];
  if (inprocInterps.length) {
    textParts.push('', 'in-process time measured by the drivers (no node/library/WASM startup):', '',
      textTable(inprocHeader, inprocRows));
  }
  if (problems.length) textParts.push('', 'problems:', ...problems.map((p) => `  - ${p}`));
  textParts.push('', `total ${elapsed.toFixed(0)} s; load average ${loadNote(load, info.cores)}`);

  const md = [
    '# Benchmarks',
    '',
    '<!-- generated by bench/run.mjs; do not edit by hand, rerun `npm run bench` -->',
    '',
    `Lua programs from \`bench/programs/\` run side by side on lua5.4 (the reference),`,
    `moonbox, fengari (Lua 5.3 written in JavaScript) and wasmoon (the C Lua 5.4`,
    `compiled to WebAssembly). All ratios come from one side-by-side run on one`,
    `machine, listed below; compare ratios, not milliseconds, across machines.`,
    '',
    '- Times are the **median wall time of a whole process**, startup included:',
    '  `lua5.4 prog.lua SIZE`, `node bin/moonbox.js prog.lua SIZE`, and for the peers',
    '  `node bench/peers/fengari.mjs prog.lua SIZE` / `node bench/peers/wasmoon.mjs prog.lua SIZE`',
    '  (node startup, library load and for wasmoon WASM instantiation are counted).',
    '  The startup row shows what a one-line program costs on each.',
    '- "vs lua" is the interpreter\'s time divided by lua5.4\'s (higher is slower);',
    '  the geometric mean is over the programs that ran with correct output.',
    '- Every run\'s stdout is compared with lua5.4\'s; a difference is shown as',
    '  "output differs" and excluded from the means.',
    `- Runs per program: ${runsNote}${opts.fengariRuns < opts.runs ? ' (fengari is 20-40x slower than lua5.4, so it gets fewer runs)' : ''}.`,
    '',
    `Command: \`${command}\` (${mode} sizes)  `,
    `Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}  `,
    `Machine: ${info.cpu}, ${info.cores} cores, ${info.os}  `,
    `Node ${info.node}; ${info.lua}; fengari ${info.fengari}; wasmoon ${info.wasmoon}; moonbox ${info.moonbox}  `,
    `Total time of the run: ${elapsed.toFixed(0)} s; 1-minute load average ${loadNote(load, info.cores)}`,
    '',
    '## Wall time (ms, median)',
    '',
    mdTable(header, [...rows, su]),
    '',
  ];
  if (inprocInterps.length) {
    md.push('## In-process time (ms, median)', '',
      'Measured inside the peer drivers around loading and running the chunk (no node,',
      'library or WASM startup), next to lua5.4\'s whole-process wall time (whose own',
      'startup is about the startup row above).', '',
      mdTable(inprocHeader, inprocRows), '');
  }
  md.push('## Problems', '');
  if (problems.length) md.push(...problems.map((p) => `- ${p}`));
  else md.push('None: every interpreter printed exactly what lua5.4 printed.');
  md.push('', '## Programs', '');
  md.push(
    'Each program takes its size from `arg[1]`, prints a deterministic result line and',
    'runs unmodified on Lua 5.3 and 5.4. Every integer it prints or computes stays below',
    '2^31, because fengari has 32-bit integers; floats are printed with `%.9f`.',
    '',
    mdTable(['program', 'what it exercises', 'full size', 'quick size'], programRows(), ['l', 'l', 'r', 'r']),
    '',
    '## Notes on the peers',
    '',
    `- fengari ${info.fengari} implements Lua 5.3 with 32-bit integers (\`math.maxinteger\` is`,
    '  2147483647; an integer overflow wraps at 32 bits). Its `print` of floats differs',
    '  from C Lua for large values (`print(1e15)` gives `1000000000000000.0`, not `1e+15`).',
    '  `bench/peers/fengari.mjs` builds `arg` with the C API, loads the file with',
    '  `luaL_loadfile` and calls it with the arguments as `...`; fengari\'s own `print`',
    '  writes to `process.stdout`.',
    `- wasmoon ${info.wasmoon} is the C Lua 5.4 compiled to WebAssembly. \`bench/peers/wasmoon.mjs\``,
    '  mounts the file into its virtual file system, builds `arg` in a Lua runner chunk and',
    '  calls the loaded file with the arguments as `...` (a plain `doFile` passes none).',
    '  Its stdout goes through emscripten\'s line-buffered TTY to `console.log`: output is',
    '  decoded as UTF-8 line by line, and a last line without a newline only appears after',
    '  an explicit flush (the driver flushes, and `console.log` then adds a newline).',
    '  Coroutine switches are much slower than in native Lua (see the coroutines row).',
    '',
  );

  return { text: textParts.join('\n'), markdown: md.join('\n') };
}

// load average at start and end, with a warning when other work shared the CPUs
function loadNote(load, cores) {
  const busy = Math.max(load[0], load[1]) > cores * 0.75;
  return `${load[0].toFixed(2)} at start, ${load[1].toFixed(2)} at end` +
    (busy ? ' (other processes were competing for the CPUs: expect noise)' : '');
}

// one row per program with the description from its first comment line
function programRows() {
  return loadPrograms(undefined).map((p) => {
    const src = readFileSync(path.join(ROOT, p.file), 'utf8');
    const lines = src.split('\n');
    const desc = [];
    for (const l of lines) {
      if (/^-- size:/.test(l) || !l.startsWith('--')) break;
      desc.push(l.replace(/^--\s?/, ''));
    }
    const text = desc.join(' ').replace(/^[\w-]+:\s*/, '').split(/(?<=\.)\s+(?=[A-Z])/)[0];
    return [p.name, text, p.full, p.quick];
  });
}

main();
