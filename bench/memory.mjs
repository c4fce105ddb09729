#!/usr/bin/env node
// Memory per object: what one Lua object of each kind costs, on lua5.4 and on moonbox.
//
//   node bench/memory.mjs [--write] [--only=closure,string-100]
//
// --write puts the section "Memory per object" into BENCHMARKS.md, replacing that
// section only (the rest of the file is left as it is).
//
// Each kind of object (an empty table, a 1000-element array, a closure with two
// upvalues, a coroutine not started and one suspended after a resume, a table with 8
// string-keyed fields, a 100-byte string) is created N times by one Lua script and kept
// alive in a Lua array `keep`, pre-filled with false so that storing the objects does
// not grow it. The array is filled once and cleared before the measurement (a warm-up:
// the compiling tier, interned constants and lazily made library state are then in the
// baseline), then filled again between the two readings:
//   lua5.4            collectgarbage("count") after collectgarbage() (twice) before and
//                     after the fill; (after - before) * 1024 / N bytes
//   moonbox counted   the same script run by bin/moonbox.js: moonbox's own accounting of
//                     the live Lua heap, which is what collectgarbage("count") and the
//                     engine's memory limit see
//   moonbox V8 heap   the same script run in this process (a worker started with
//                     --expose-gc) on a LuaEngine from dist/: process.memoryUsage().heapUsed
//                     after global.gc() before and after the fill, divided by N; the
//                     median of REPEATS fills (each one cleared and collected first)
// Every process handles one kind, so that no heap state is shared between kinds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { machineInfo } from './hostcalls.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
const SECTION_TITLE = '## Memory per object';
const REPEATS = 5;

/** The kinds of object: id, what the report calls it, how many are kept alive. */
const KINDS = [
  { id: 'empty-table', label: 'empty table `{}`', n: 20000 },
  { id: 'array-1000', label: 'array of 1000 integers (filled by `t[j] = j`)', n: 1000 },
  { id: 'closure', label: 'closure with 2 upvalues', n: 20000 },
  { id: 'coroutine-new', label: 'coroutine, created (not started)', n: 10000 },
  { id: 'coroutine-suspended', label: 'coroutine, suspended after one resume', n: 10000 },
  { id: 'table-8-fields', label: 'table with 8 string-keyed fields', n: 20000 },
  { id: 'string-100', label: '100-byte string (distinct, by `string.char`)', n: 20000 },
];

// The Lua side, the same text for every interpreter. Arguments (as `...`): kind, N and
// a mode: "count" measures with collectgarbage("count") and prints bytes per object;
// "define" only defines the globals fill() and clear() for the in-process measurement.
const LUA_SCRIPT = String.raw`
local kind, N, mode = ...
N = math.tointeger(tonumber(N))

local function body() coroutine.yield() end
local bytes = {}
for j = 1, 100 do bytes[j] = 97 + (j * 7) % 26 end
local unpack = table.unpack

local makers = {
  ["empty-table"] = function() return {} end,
  ["array-1000"] = function()
    local t = {}
    for j = 1, 1000 do t[j] = j end
    return t
  end,
  closure = function(i)
    local a, b = i, i + 1
    return function() return a + b end
  end,
  ["coroutine-new"] = function() return coroutine.create(body) end,
  ["coroutine-suspended"] = function()
    local co = coroutine.create(body)
    coroutine.resume(co)
    return co
  end,
  ["table-8-fields"] = function(i)
    return { alpha = i, beta = i, gamma = i, delta = i, epsilon = i, zeta = i, eta = i, theta = i }
  end,
  ["string-100"] = function(i)
    -- the first 10 bytes are the digits of i: every string is distinct
    local x = i
    for j = 1, 10 do bytes[j] = 48 + x % 10; x = x // 10 end
    return string.char(unpack(bytes))
  end,
}
local make = makers[kind] or error("unknown kind " .. tostring(kind))

keep = {}
function fill() for i = 1, N do keep[i] = make(i) end end
function clear() for i = 1, N do keep[i] = false end end
clear()

if mode == "count" then
  fill(); clear()
  collectgarbage(); collectgarbage()
  local before = collectgarbage("count")
  fill()
  collectgarbage(); collectgarbage()
  local after = collectgarbage("count")
  if #keep ~= N or not keep[N] then error("objects were not kept") end
  print(string.format("%.3f", (after - before) * 1024 / N))
end
`;

// ---------------------------------------------------------------------------
// the in-process measurement (a worker process per kind, with --expose-gc)

async function worker(kindId) {
  const kind = KINDS.find((k) => k.id === kindId);
  if (!kind) throw new Error(`unknown kind '${kindId}'`);
  if (typeof global.gc !== 'function') throw new Error('the worker needs node --expose-gc');
  const { LuaEngine } = await import(pathToFileURL(path.join(ROOT, 'dist/index.js')).href);
  const engine = new LuaEngine({ cache: false });
  engine.runSync(LUA_SCRIPT, { chunkname: '=memory', args: [kind.id, String(kind.n), 'define'] });
  const fill = engine.compile('fill()', '=fill');
  const clear = engine.compile('clear()', '=clear');
  const check = engine.compile('return #keep, keep[#keep] ~= false', '=check');
  const heap = () => {
    for (let i = 0; i < 3; i++) global.gc();
    return process.memoryUsage().heapUsed;
  };
  engine.runSync(fill); // warm-up, as in the Lua script's "count" mode
  const samples = [];
  for (let r = 0; r < REPEATS; r++) {
    engine.runSync(clear);
    const before = heap();
    engine.runSync(fill);
    const after = heap();
    const { values } = engine.runSync(check);
    if (values[0] !== kind.n || values[1] !== true) throw new Error('objects were not kept');
    samples.push((after - before) / kind.n);
  }
  samples.sort((a, b) => a - b);
  return { bytes: samples[samples.length >> 1], samples };
}

// ---------------------------------------------------------------------------
// the driver

function run(cmd, args, env) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });
  if (r.error) return { error: r.error.message };
  if (r.status !== 0) return { error: (r.stderr || `exit status ${r.status}`).trim().split('\n')[0] };
  return { stdout: r.stdout };
}

function measureKind(kind, script) {
  const row = { kind };
  const num = (res) => {
    if (res.error) return { error: res.error };
    const v = Number(res.stdout.trim().split('\n').pop());
    return Number.isFinite(v) ? { bytes: v } : { error: `unexpected output: ${res.stdout.trim()}` };
  };
  row.lua = num(run('lua5.4', [script, kind.id, String(kind.n), 'count']));
  row.counted = num(run(process.execPath, ['bin/moonbox.js', script, kind.id, String(kind.n), 'count']));
  const w = run(process.execPath, ['--expose-gc', SELF, `--worker=${kind.id}`]);
  if (w.error) row.heap = { error: w.error };
  else {
    const m = /^@@memory (.*)$/m.exec(w.stdout);
    row.heap = m ? JSON.parse(m[1]) : { error: 'the worker printed no result' };
  }
  return row;
}

const fmt = (cell) => (cell.error ? 'error' : cell.bytes.toFixed(0));

function tableRows(rows) {
  const header = ['object', 'N', 'lua5.4 bytes', 'moonbox counted bytes', 'moonbox V8 heap bytes', 'V8 heap / lua5.4'];
  const body = rows.map((r) => [
    r.kind.label, String(r.kind.n), fmt(r.lua), fmt(r.counted), fmt(r.heap),
    r.lua.error || r.heap.error || r.lua.bytes <= 0 ? 'n/a' : (r.heap.bytes / r.lua.bytes).toFixed(2),
  ]);
  return { header, body };
}

function textTable(header, body) {
  const w = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [line(header), w.map((n) => '-'.repeat(n)).join('  '), ...body.map(line)].join('\n');
}

function mdTable(header, body) {
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? ':---' : '---:')).join('|')}|`,
    ...body.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

function errorLines(rows) {
  const out = [];
  for (const r of rows) {
    for (const [what, cell] of [['lua5.4', r.lua], ['moonbox counted', r.counted], ['moonbox V8 heap', r.heap]]) {
      if (cell.error) out.push(`- ${r.kind.id}, ${what}: ${cell.error}`);
    }
  }
  return out;
}

function markdown(rows, { command, elapsed, load }) {
  const { header, body } = tableRows(rows);
  const machine = machineInfo();
  const lua = spawnSync('lua5.4', ['-v'], { encoding: 'utf8' });
  const luaVersion = (lua.stdout || lua.stderr || 'lua5.4').trim().split(/\s+/).slice(0, 2).join(' ');
  const errors = errorLines(rows);
  return [
    SECTION_TITLE,
    '',
    '<!-- generated by bench/memory.mjs -->',
    '',
    'What one object costs, in bytes: N objects of a kind are made by one Lua script and kept',
    'alive in a Lua array (pre-filled with `false`, so that storing them does not grow it);',
    'the array is filled once and cleared before measuring (a warm-up), then filled again',
    'between two readings taken after a full collection.',
    '',
    '- **lua5.4**: the difference of `collectgarbage("count")` (after `collectgarbage()`) / N.',
    '- **moonbox counted**: the same script run by `bin/moonbox.js`: moonbox\'s own accounting',
    '  of the live Lua heap (fixed sizes per object, table slot and string byte, summed by its',
    '  collector), which `collectgarbage("count")` and the engine\'s memory limit report.',
    '- **moonbox V8 heap**: the same script on a `LuaEngine` from `dist/` in a node process',
    `  started with \`--expose-gc\`: \`process.memoryUsage().heapUsed\` after \`global.gc()\`, before`,
    `  and after the fill, / N; the median of ${REPEATS} fills. This is what the objects really cost`,
    '  the host; the ratio to lua5.4 is in the last column.',
    '- The suspended coroutine ran `coroutine.yield()` inside its body once; the closures are',
    '  `function() return a + b end` over two locals of the function that made them; the',
    '  8-field tables are constructors `{ alpha = i, beta = i, ... }`.',
    '',
    `Command: \`${command}\`  `,
    `Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}  `,
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.os}  `,
    `Node ${process.version}; ${luaVersion}  `,
    `Time of this part: ${elapsed.toFixed(0)} s; 1-minute load average ${load[0].toFixed(2)} at start, ${load[1].toFixed(2)} at end`,
    '',
    mdTable(header, body),
    '',
    ...(errors.length ? ['Errors:', '', ...errors, ''] : []),
  ].join('\n');
}

/** Replace the section titled `title` in a markdown text (up to the next `## `), or append it. */
export function spliceMarkdownSection(text, title, section) {
  const at = text.indexOf(`\n${title}\n`);
  if (at < 0) return text.replace(/\n*$/, '\n\n') + section;
  const from = at + 1;
  const next = text.indexOf('\n## ', from + title.length);
  if (next < 0) return text.slice(0, from) + section;
  return text.slice(0, from) + section.replace(/\n*$/, '\n\n') + text.slice(next + 1);
}

async function main() {
  const argv = process.argv.slice(2);
  const workerArg = argv.find((a) => a.startsWith('--worker='));
  if (workerArg) {
    const r = await worker(workerArg.slice('--worker='.length));
    process.stdout.write(`@@memory ${JSON.stringify(r)}\n`);
    return;
  }
  for (const a of argv) {
    if (a !== '--write' && !a.startsWith('--only=')) {
      console.error('usage: node bench/memory.mjs [--write] [--only=kind,kind]');
      console.error(`kinds: ${KINDS.map((k) => k.id).join(', ')}`);
      process.exit(2);
    }
  }
  const onlyArg = argv.find((a) => a.startsWith('--only='));
  const only = onlyArg ? onlyArg.slice('--only='.length).split(',') : undefined;
  const kinds = only ? KINDS.filter((k) => only.includes(k.id)) : KINDS;
  if (only && kinds.length !== only.length) {
    console.error(`unknown kind in --only; kinds: ${KINDS.map((k) => k.id).join(', ')}`);
    process.exit(2);
  }

  const t0 = Date.now();
  const load0 = os.loadavg()[0];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'moonbox-memory-'));
  const script = path.join(dir, 'memory.lua');
  writeFileSync(script, LUA_SCRIPT);
  const rows = [];
  try {
    for (const kind of kinds) {
      process.stderr.write(`${kind.id.padEnd(20)} `);
      const row = measureKind(kind, script);
      rows.push(row);
      process.stderr.write(`lua5.4 ${fmt(row.lua)}  counted ${fmt(row.counted)}  V8 ${fmt(row.heap)}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const elapsed = (Date.now() - t0) / 1000;
  const load = [load0, os.loadavg()[0]];

  const { header, body } = tableRows(rows);
  console.log('\nmemory per object (bytes):\n');
  console.log(textTable(header, body));
  const errors = errorLines(rows);
  if (errors.length) console.log('\n' + errors.join('\n'));

  if (argv.includes('--write')) {
    if (only) {
      console.log('\n(not written: --only gives a partial table)');
      return;
    }
    const file = path.join(ROOT, 'BENCHMARKS.md');
    const command = `node bench/memory.mjs ${argv.join(' ')}`.trim();
    const section = markdown(rows, { command, elapsed, load });
    writeFileSync(file, spliceMarkdownSection(readFileSync(file, 'utf8'), SECTION_TITLE, section));
    console.log('\nwrote the memory section of BENCHMARKS.md');
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  main().catch((e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
  });
}
