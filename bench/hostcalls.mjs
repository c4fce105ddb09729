#!/usr/bin/env node
// Host-call and conversion micro-benchmarks, side by side on moonbox (dist/), fengari
// (Lua 5.3 in JS, through its C API) and wasmoon (C Lua 5.4 in WebAssembly), measured
// with tinybench. bench/run.mjs runs them after the programs; on their own:
//
//   node bench/hostcalls.mjs [--quick] [--interp=moonbox,wasmoon] [--write]
//
// --write puts the section "Host calls and conversion" into BENCHMARKS.md, replacing
// that section only (the rest of the file is left as it is).
//
// What is measured (each interpreter in its own node process, so that no JIT state is
// shared between them):
//   host call   a Lua loop `for i = 1, n do f(i) end` where f is a JS function
//               (x) => x + 1 registered as a global; ns per call = (time of the loop -
//               time of the same loop without the call) / n
//   Lua call    JS calling the Lua function `add(a, b)` in a JS loop of k calls, through
//               a function handle got once (moonbox engine.get, wasmoon global.get,
//               fengari a registry reference) and by global name on every call
//               (moonbox engine.call, wasmoon global.get(...)(), fengari lua_getglobal)
//   JS -> Lua   a 10 000-row array of {id, name, score, tags: [3 strings]} set as a
//               global (a deep copy into Lua tables)
//   Lua -> JS   the same data built in Lua, read back as JS arrays and objects
// Call figures are the median of tinybench's samples (each sample is a whole loop of n or
// k calls); conversion figures are the mean (garbage collections included: a conversion
// leaves megabytes of live objects, and the young-generation collections they cause are
// part of its cost), with the fastest sample beside it. Each adapter is checked for
// correct results once before it is timed.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
export const HOSTCALL_INTERPS = ['moonbox', 'fengari', 'wasmoon'];
export const SECTION_TITLE = '## Host calls and conversion';

const ROWS = 10000;
const TAGS = ['red', 'green', 'blue'];

// settings per mode: loop length n, JS call batch k, tinybench time budgets
const MODES = {
  quick: { n: 100000, k: 10000, time: 300, warmupTime: 100, iterations: 5, warmupIterations: 2 },
  full: { n: 200000, k: 20000, time: 1500, warmupTime: 400, iterations: 10, warmupIterations: 3 },
};

const TARGETS = { hostCallNs: 200, luaCallNs: 200, luaCallByNameNs: undefined, toLuaMs: 10, toJsMs: 10 };

const LUA_SETUP = `
function loop(n) local f = hf for i = 1, n do f(i) end end
function empty(n) for i = 1, n do end end
function add(a, b) return a + b end
function makedata(n)
  local t = {}
  for i = 1, n do
    t[i] = { id = i - 1, name = "item" .. (i - 1), score = i - 0.5, tags = { "red", "green", "blue" } }
  end
  data = t
end
function checkdata(n)
  local d = fromjs
  if type(d) ~= "table" or #d ~= n then return false end
  for i = 1, n, 997 do
    local r = d[i]
    if type(r) ~= "table" or r.id ~= i - 1 or r.name ~= "item" .. (i - 1) or r.score ~= i - 0.5
      or type(r.tags) ~= "table" or #r.tags ~= 3 or r.tags[3] ~= "blue" then return false end
  end
  return true
end
`;

export function makeRows(n = ROWS) {
  const rows = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = { id: i, name: `item${i}`, score: i + 0.5, tags: TAGS.slice() };
  return rows;
}

// ---------------------------------------------------------------------------
// adapters: each gives the same operations on one interpreter

async function moonboxAdapter() {
  const { LuaEngine } = await import(pathToFileURL(path.join(ROOT, 'dist/index.js')).href);
  const engine = new LuaEngine({ stdout: () => {}, stderr: () => {} });
  engine.setGlobal('hf', (x) => x + 1);
  engine.runSync(LUA_SETUP);
  const loop = engine.get('loop');
  const empty = engine.get('empty');
  const add = engine.get('add');
  return {
    hostLoop: (n) => loop(n),
    emptyLoop: (n) => empty(n),
    hostOnce: () => engine.runSync('return hf(41)').values[0],
    luaCall: (a, b) => add(a, b),
    luaCallByName: (a, b) => engine.call('add', a, b),
    toLua: (rows) => engine.set('fromjs', rows),
    checkToLua: (n) => engine.call('checkdata', n),
    makeData: (n) => engine.call('makedata', n),
    toJs: () => engine.get('data'),
  };
}

async function fengariAdapter() {
  const require = createRequire(import.meta.url);
  const { lua, lauxlib, lualib, to_luastring } = require('fengari');
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  lua.lua_pushcfunction(L, (S) => {
    lua.lua_pushnumber(S, lua.lua_tonumber(S, 1) + 1);
    return 1;
  });
  lua.lua_setglobal(L, to_luastring('hf'));
  if (lauxlib.luaL_dostring(L, to_luastring(LUA_SETUP)) !== lua.LUA_OK) throw new Error(lua.lua_tojsstring(L, -1));
  const names = {};
  const name = (s) => names[s] ?? (names[s] = to_luastring(s));
  const callGlobal = (fname, ...args) => {
    lua.lua_getglobal(L, name(fname));
    for (const a of args) lua.lua_pushnumber(L, a);
    lua.lua_call(L, args.length, 1);
    const r = lua.lua_toboolean(L, -1) && lua.lua_type(L, -1) === lua.LUA_TNUMBER ? lua.lua_tonumber(L, -1) : lua.lua_toboolean(L, -1);
    lua.lua_pop(L, 1);
    return r;
  };
  lua.lua_getglobal(L, name('add'));
  const addRef = lauxlib.luaL_ref(L, lua.LUA_REGISTRYINDEX);
  const addName = name('add');
  // fengari has no value converter of its own: these are the straightforward ones an
  // embedder writes with the C API (keys interned as Lua strings once)
  const keyCache = new Map();
  const key = (s) => {
    let k = keyCache.get(s);
    if (k === undefined) keyCache.set(s, k = to_luastring(s));
    return k;
  };
  const push = (v) => {
    switch (typeof v) {
      case 'number': lua.lua_pushnumber(L, v); return;
      case 'string': lua.lua_pushstring(L, to_luastring(v)); return;
      case 'boolean': lua.lua_pushboolean(L, v); return;
      case 'undefined': lua.lua_pushnil(L); return;
      default: break;
    }
    if (v === null) { lua.lua_pushnil(L); return; }
    if (Array.isArray(v)) {
      lua.lua_createtable(L, v.length, 0);
      for (let i = 0; i < v.length; i++) {
        push(v[i]);
        lua.lua_rawseti(L, -2, i + 1);
      }
      return;
    }
    const ks = Object.keys(v);
    lua.lua_createtable(L, 0, ks.length);
    for (const k of ks) {
      push(v[k]);
      lua.lua_setfield(L, -2, key(k));
    }
  };
  const read = (idx) => {
    switch (lua.lua_type(L, idx)) {
      case lua.LUA_TNUMBER: return lua.lua_tonumber(L, idx);
      case lua.LUA_TSTRING: return lua.lua_tojsstring(L, idx);
      case lua.LUA_TBOOLEAN: return lua.lua_toboolean(L, idx);
      case lua.LUA_TTABLE: {
        const t = lua.lua_absindex(L, idx);
        const n = lua.lua_rawlen(L, t);
        if (n > 0) {
          const a = new Array(n);
          for (let i = 1; i <= n; i++) {
            lua.lua_rawgeti(L, t, i);
            a[i - 1] = read(-1);
            lua.lua_pop(L, 1);
          }
          return a;
        }
        const o = {};
        lua.lua_pushnil(L);
        while (lua.lua_next(L, t) !== 0) {
          o[lua.lua_tojsstring(L, -2)] = read(-1);
          lua.lua_pop(L, 1);
        }
        return o;
      }
      default: return undefined;
    }
  };
  return {
    hostLoop: (n) => callGlobal('loop', n),
    emptyLoop: (n) => callGlobal('empty', n),
    hostOnce: () => callGlobal('hf', 41),
    luaCall: (a, b) => {
      lua.lua_rawgeti(L, lua.LUA_REGISTRYINDEX, addRef);
      lua.lua_pushnumber(L, a);
      lua.lua_pushnumber(L, b);
      lua.lua_call(L, 2, 1);
      const r = lua.lua_tonumber(L, -1);
      lua.lua_pop(L, 1);
      return r;
    },
    luaCallByName: (a, b) => {
      lua.lua_getglobal(L, addName);
      lua.lua_pushnumber(L, a);
      lua.lua_pushnumber(L, b);
      lua.lua_call(L, 2, 1);
      const r = lua.lua_tonumber(L, -1);
      lua.lua_pop(L, 1);
      return r;
    },
    toLua: (rows) => {
      push(rows);
      lua.lua_setglobal(L, name('fromjs'));
    },
    checkToLua: (n) => callGlobal('checkdata', n),
    makeData: (n) => callGlobal('makedata', n),
    toJs: () => {
      lua.lua_getglobal(L, name('data'));
      const v = read(-1);
      lua.lua_pop(L, 1);
      return v;
    },
  };
}

async function wasmoonAdapter() {
  const require = createRequire(import.meta.url);
  const { LuaFactory } = require('wasmoon');
  // enableProxy: false makes global.set copy objects into tables (the default hands Lua
  // a proxy userdata for every object, which is not a conversion)
  const lua = await new LuaFactory().createEngine({ enableProxy: false });
  lua.global.set('hf', (x) => x + 1);
  lua.doStringSync(LUA_SETUP);
  const loop = lua.global.get('loop');
  const empty = lua.global.get('empty');
  const add = lua.global.get('add');
  const checkdata = lua.global.get('checkdata');
  const makedata = lua.global.get('makedata');
  return {
    hostLoop: (n) => loop(n),
    emptyLoop: (n) => empty(n),
    hostOnce: () => lua.doStringSync('return hf(41)'),
    luaCall: (a, b) => add(a, b),
    luaCallByName: (a, b) => lua.global.get('add')(a, b),
    toLua: (rows) => lua.global.set('fromjs', rows),
    checkToLua: (n) => checkdata(n),
    makeData: (n) => makedata(n),
    toJs: () => lua.global.get('data'),
  };
}

const ADAPTERS = { moonbox: moonboxAdapter, fengari: fengariAdapter, wasmoon: wasmoonAdapter };

// ---------------------------------------------------------------------------
// worker: one interpreter, prints its figures as JSON

async function worker(interp, modeName) {
  const { Bench } = await import('tinybench');
  const mode = MODES[modeName];
  const a = await ADAPTERS[interp]();
  const rows = makeRows();

  // correctness first
  assert.equal(a.hostOnce(), 42, 'hf(41)');
  assert.equal(a.luaCall(40, 2), 42, 'add(40, 2)');
  assert.equal(a.luaCallByName(40, 2), 42, 'add(40, 2) by name');
  a.toLua(rows);
  assert.equal(a.checkToLua(ROWS), true, 'rows converted to Lua');
  a.makeData(ROWS);
  assert.deepStrictEqual(a.toJs(), rows, 'rows converted from Lua');

  const { n, k } = mode;
  let sink = 0;
  const bench = new Bench({
    time: mode.time, warmupTime: mode.warmupTime, iterations: mode.iterations,
    warmupIterations: mode.warmupIterations, throws: true,
  });
  bench
    .add('host-loop', () => { a.hostLoop(n); })
    .add('empty-loop', () => { a.emptyLoop(n); })
    .add('lua-call', () => {
      const f = a.luaCall;
      for (let i = 0; i < k; i++) sink += f(i, 1);
    })
    .add('lua-call-by-name', () => {
      const f = a.luaCallByName;
      for (let i = 0; i < k; i++) sink += f(i, 1);
    })
    .add('to-lua', () => { a.toLua(rows); })
    .add('to-js', () => { sink += a.toJs().length; });
  await bench.run();
  const stat = (name, key) => {
    const t = bench.getTask(name);
    if (t.result.error) throw t.result.error;
    return t.result.latency[key]; // ms
  };
  const med = (name) => stat(name, 'p50');
  const host = med('host-loop');
  const emptyMs = med('empty-loop');
  return {
    interp,
    hostCallNs: ((host - emptyMs) * 1e6) / n,
    emptyLoopNs: (emptyMs * 1e6) / n,
    luaCallNs: (med('lua-call') * 1e6) / k,
    luaCallByNameNs: (med('lua-call-by-name') * 1e6) / k,
    toLuaMs: stat('to-lua', 'mean'),
    toLuaMinMs: stat('to-lua', 'min'),
    toJsMs: stat('to-js', 'mean'),
    toJsMinMs: stat('to-js', 'min'),
    samples: Object.fromEntries(bench.tasks.map((t) => [t.name, t.result.latency.samplesCount])),
    sink: sink > 0,
  };
}

// ---------------------------------------------------------------------------
// driver

function pkgVersion(name) {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

/** Runs the workers; returns { results: {interp: figures | {error}}, elapsed }. */
export function runHostCalls({ quick = false, interps = HOSTCALL_INTERPS, progress = () => {} } = {}) {
  const t0 = Date.now();
  const load0 = os.loadavg()[0];
  const results = {};
  for (const interp of interps) {
    const r = spawnSync(process.execPath, [SELF, `--worker=${interp}`, quick ? '--quick' : '--full'], {
      cwd: ROOT, encoding: 'utf8', timeout: 300000, maxBuffer: 16 * 1024 * 1024,
    });
    const line = (r.stdout || '').split('\n').find((l) => l.startsWith('@@hostcalls '));
    if (r.status === 0 && line) {
      results[interp] = JSON.parse(line.slice('@@hostcalls '.length));
    } else {
      const why = r.error ? r.error.message : ((r.stderr || '').trim().split('\n').find((l) => l.trim()) || `exit ${r.status}`);
      results[interp] = { interp, error: why };
    }
    progress(`host calls: ${interp} ${results[interp].error ? `error (${results[interp].error})` : 'done'}\n`);
  }
  return { results, elapsed: (Date.now() - t0) / 1000, quick, load: [load0, os.loadavg()[0]] };
}

const MEASURES = [
  ['hostCallNs', 'host call: Lua calls a JS function (ns/call)', (v) => v.toFixed(0)],
  ['luaCallNs', 'Lua call: JS calls a Lua function handle (ns/call)', (v) => v.toFixed(0)],
  ['luaCallByNameNs', 'Lua call by global name (ns/call)', (v) => v.toFixed(0)],
  ['toLuaMs', 'JS -> Lua: 10 000 rows (ms, mean)', (v) => v.toFixed(2)],
  ['toLuaMinMs', 'JS -> Lua: fastest sample (ms)', (v) => v.toFixed(2)],
  ['toJsMs', 'Lua -> JS: 10 000 rows (ms, mean)', (v) => v.toFixed(2)],
  ['toJsMinMs', 'Lua -> JS: fastest sample (ms)', (v) => v.toFixed(2)],
  ['emptyLoopNs', 'empty Lua loop, subtracted above (ns/iteration)', (v) => v.toFixed(1)],
];

function tableRows(run) {
  const interps = Object.keys(run.results);
  const header = ['measure', ...interps, 'moonbox target'];
  const rows = MEASURES.map(([key, label, fmt]) => {
    const t = TARGETS[key];
    const target = t === undefined ? '' : `< ${key.endsWith('Ns') ? `${t} ns` : `${t} ms`}`;
    return [label, ...interps.map((i) => {
      const r = run.results[i];
      if (r.error) return 'error';
      return fmt(r[key]) + (i === 'moonbox' && t !== undefined && r[key] >= t ? ' (missed)' : '');
    }), target];
  });
  return { header, rows };
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

export function hostCallsText(run) {
  const { header, rows } = tableRows(run);
  const lines = [`host calls and conversion (${run.quick ? 'quick' : 'full'}; calls: median, conversions: mean of tinybench samples):`, '', textTable(header, rows)];
  for (const [i, r] of Object.entries(run.results)) if (r.error) lines.push(`  - ${i}: ${r.error}`);
  return lines.join('\n');
}

/** The markdown section (title included, ending with a newline). */
export function hostCallsMarkdown(run, { command, machine }) {
  const { header, rows } = tableRows(run);
  const m = MODES[run.quick ? 'quick' : 'full'];
  const md = [
    SECTION_TITLE,
    '',
    '<!-- generated by bench/hostcalls.mjs (also run by bench/run.mjs) -->',
    '',
    'The cost of crossing between JS and Lua, measured in-process with tinybench, one',
    'node process per interpreter. Call figures are the median of the samples (each sample',
    'a whole loop of calls); conversion figures are the mean, garbage collection included',
    '(a conversion leaves megabytes of live objects, and the young-generation collections',
    'they cause are part of its cost), with the fastest sample on the next row.',
    '',
    `- **host call**: a Lua loop \`for i = 1, n do f(i) end\` (n = ${m.n}) where \`f\` is the JS`,
    '  function `(x) => x + 1` registered as a global (moonbox `engine.setGlobal`, wasmoon',
    '  `global.set`, fengari `lua_pushcfunction`); the time of the same loop without the',
    '  call is subtracted, then divided by n.',
    `- **Lua call**: JS calls the Lua function \`add(a, b)\` ${m.k} times in a loop, through a`,
    '  handle got once (moonbox `engine.get(\'add\')`, wasmoon `global.get(\'add\')`, fengari a',
    '  registry reference and `lua_call`) and by global name on every call (moonbox',
    '  `engine.call(\'add\', a, b)`, wasmoon `global.get(\'add\')(a, b)`, fengari',
    '  `lua_getglobal` + `lua_call`).',
    `- **conversion**: ${ROWS} rows \`{ id, name, score, tags: [3 strings] }\` copied deeply`,
    '  into Lua tables (moonbox `engine.set`, wasmoon `global.set` on an engine with',
    '  `enableProxy: false`, since by default it hands Lua a proxy userdata instead of a',
    '  table) and the same data built in Lua read back as JS arrays and objects (moonbox',
    '  `engine.get`, wasmoon `global.get`). fengari has no converter: it uses the plain',
    '  recursive one an embedder writes with its C API (in `bench/hostcalls.mjs`).',
    '- Every adapter is checked for correct results before it is timed.',
    '',
    `Command: \`${command}\` (${run.quick ? 'quick' : 'full'} settings: tinybench time ${m.time} ms per task)  `,
    `Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}  `,
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.os}  `,
    `Node ${process.version}; fengari ${pkgVersion('fengari')}; wasmoon ${pkgVersion('wasmoon')}; tinybench ${pkgVersion('tinybench')}  `,
    `Time of this part: ${run.elapsed.toFixed(0)} s; 1-minute load average ${run.load[0].toFixed(2)} at start, ${run.load[1].toFixed(2)} at end` +
      (Math.max(...run.load) > machine.cores * 0.75 ? ' (other processes were competing for the CPUs: expect noise)' : ''),
    '',
    mdTable(header, rows),
    '',
  ];
  const errors = Object.entries(run.results).filter(([, r]) => r.error);
  if (errors.length) md.push(...errors.map(([i, r]) => `- ${i}: ${r.error}`), '');
  return md.join('\n');
}

/** Replace (or append) the section in an existing markdown text. */
export function spliceSection(text, section) {
  const start = text.indexOf(`\n${SECTION_TITLE}\n`);
  if (start < 0) return text.replace(/\n*$/, '\n\n') + section;
  const rest = text.slice(start + 1 + SECTION_TITLE.length);
  const next = rest.search(/\n## /);
  const end = next < 0 ? text.length : start + 1 + SECTION_TITLE.length + next + 1;
  return text.slice(0, start + 1) + section + (next < 0 ? '' : '\n' + text.slice(end));
}

export function machineInfo() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {
    // not Linux
  }
  return { cpu, cores: os.cpus().length, os: `${os.type()} ${os.release()} ${os.arch()}` };
}

async function main() {
  const argv = process.argv.slice(2);
  const workerArg = argv.find((a) => a.startsWith('--worker='));
  const quick = argv.includes('--quick');
  if (workerArg) {
    const interp = workerArg.slice('--worker='.length);
    if (!ADAPTERS[interp]) throw new Error(`unknown interpreter '${interp}'`);
    const r = await worker(interp, quick ? 'quick' : 'full');
    process.stdout.write(`@@hostcalls ${JSON.stringify(r)}\n`);
    process.exit(0);
  }
  let interps = HOSTCALL_INTERPS;
  for (const a of argv) {
    if (a.startsWith('--interp=')) {
      interps = a.slice('--interp='.length).split(',').map((s) => s.trim()).filter((s) => HOSTCALL_INTERPS.includes(s));
    } else if (a !== '--quick' && a !== '--full' && a !== '--write') {
      console.error(`usage: node bench/hostcalls.mjs [--quick] [--interp=${HOSTCALL_INTERPS.join(',')}] [--write]`);
      process.exit(2);
    }
  }
  const run = runHostCalls({ quick, interps, progress: (s) => process.stderr.write(s) });
  console.log(hostCallsText(run));
  if (argv.includes('--write')) {
    const file = path.join(ROOT, 'BENCHMARKS.md');
    const command = `node bench/hostcalls.mjs ${argv.join(' ')}`.trim();
    writeFileSync(file, spliceSection(readFileSync(file, 'utf8'), hostCallsMarkdown(run, { command, machine: machineInfo() })));
    console.log('\nwrote the host-calls section of BENCHMARKS.md');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  main().catch((e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
  });
}
