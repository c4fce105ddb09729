/**
 * Running snippets through lua5.4 and moonbox and comparing what they print.
 *
 * A batch is one Lua program: a prelude defining the printer R, then one line per snippet,
 * `R(i, pcall(function() <body> end))`. R prints `i ok: v1; v2` or `i error: msg`, each value
 * as type and value (integers with %d, floats with %.17g, strings with %q, tables by index),
 * so that the two outputs compare line by line and an error message is part of the result.
 * Both interpreters run the program under the same chunk name, `batch.lua`, so messages carry
 * the same `batch.lua:<line>:` positions. lua5.4 runs as a child process (its output goes to a
 * file, so it runs while moonbox runs in this process); moonbox runs in-process with
 * createState/runText. If moonbox stops a batch (an error escapes pcall), the snippet that
 * stopped it is recorded and the rest of the batch is run again, with the finished lines
 * blanked so line numbers stay the same.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createState, runText } from '../../src/engine/runtime.js';
import { LuaError } from '../../src/vm/errors.js';
import { simplifications, text, type Node } from './lua-ast.js';

export const LUA = process.env.MOONBOX_DIFF_LUA ?? 'lua5.4';
export const CHUNK = 'batch.lua';
const LUA_TIMEOUT_MS = 60_000;

/** The version line of the reference interpreter, or null when it cannot be run. */
export function luaVersion(): string | null {
  const r = spawnSync(LUA, ['-v'], { encoding: 'latin1' });
  if (r.error || r.status !== 0) return null;
  return (r.stdout + r.stderr).trim();
}

/**
 * The printer. Tables print their entries 1..max (max = the largest positive integer key,
 * found with pairs, whose order does not matter here) and a count of other keys: neither
 * pairs order nor a border choice shows. Functions, threads and userdata print their type only
 * (their addresses differ from run to run). %q writes a newline as '\' + newline: made 'n'.
 * I is the identity (a non-tail call); PN makes a NaN positive (-(0/0) is positive in both) and
 * PW is x ^ y rounded to 12 digits: see known-differences.ts.
 */
export const PRELUDE = `local type, mtype, fmt, select, print, concat, pairs, rawget, tostring = type, math.type, string.format, select, print, table.concat, pairs, rawget, tostring
local N
local function NT(t, d)
  if d > 3 then return '{...}' end
  local max, other = 0, 0
  for k in pairs(t) do
    if mtype(k) == 'integer' and k > 0 then if k > max then max = k end else other = other + 1 end
  end
  if max > 200 then return 'table with index ' .. max end
  local parts = {}
  for i = 1, max do parts[i] = N(rawget(t, i), d + 1) end
  return '{' .. concat(parts, ', ') .. (other > 0 and ' +' .. other .. '}' or '}')
end
function N(v, d)
  local t = type(v)
  if t == 'number' then
    if mtype(v) == 'integer' then return 'int ' .. fmt('%d', v) end
    return 'float ' .. fmt('%.17g', v)
  elseif t == 'string' then return 'string ' .. (fmt('%q', v):gsub('\\n', 'n'))
  elseif t == 'table' then return NT(v, d or 0)
  elseif t == 'nil' or t == 'boolean' then return tostring(v)
  end
  return t
end
local function R(i, ok, ...)
  local out = {}
  for j = 1, select('#', ...) do out[j] = N((select(j, ...))) end
  print(i .. (ok and ' ok: ' or ' error: ') .. concat(out, '; '))
end
local function I(...) return ... end
local function PN(x)
  if x ~= x then return -(0/0) end
  return x
end
local function PW(a, b)
  local r = a ^ b
  if r ~= r or r == 0 or r == 1/0 or r == -1/0 then return r end
  return tonumber(fmt('%.12g', r)) + 0.0
end
`;

/** One line per snippet (null: a blank line, the snippet is not run). */
export function buildProgram(bodies: readonly (string | null)[]): string {
  let p = PRELUDE;
  bodies.forEach((b, i) => {
    p += b === null ? '\n' : `R(${i}, pcall(function() ${b} end))\n`;
  });
  return p;
}

export interface Outcome {
  /** the printed line of each snippet, without its `i ` prefix */
  lines: Map<number, string>;
  /** why the program stopped early, or null */
  failure: string | null;
}

function parseLines(out: string, into: Map<number, string>): void {
  for (const line of out.split('\n')) {
    const m = /^(\d+) (.*)$/s.exec(line);
    if (m) into.set(Number(m[1]), m[2]);
  }
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^LUA_/.test(k) && !/^LC_/.test(k) && k !== 'LANG' && k !== 'LANGUAGE') env[k] = v;
  }
  env.LC_ALL = 'C';
  return env;
}

/** Runs a program with lua5.4 (`lua5.4 batch.lua` in a fresh temporary folder). */
export function runLua(program: string): Promise<Outcome> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'moonbox-diff-'));
  writeFileSync(path.join(dir, CHUNK), program, 'latin1');
  const outFd = openSync(path.join(dir, 'out'), 'w');
  const errFd = openSync(path.join(dir, 'err'), 'w');
  return new Promise((resolve) => {
    const child = spawn(LUA, [CHUNK], { cwd: dir, env: cleanEnv(), stdio: ['ignore', outFd, errFd] });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, LUA_TIMEOUT_MS);
    const finish = (failure: string | null): void => {
      clearTimeout(timer);
      closeSync(outFd);
      closeSync(errFd);
      const lines = new Map<number, string>();
      parseLines(readFileSync(path.join(dir, 'out'), 'latin1'), lines);
      const err = readFileSync(path.join(dir, 'err'), 'latin1').trim();
      rmSync(dir, { recursive: true, force: true });
      resolve({ lines, failure: failure ?? (err ? err : null) });
    };
    child.on('error', (e) => finish(`cannot run ${LUA}: ${e.message}`));
    child.on('exit', (code, signal) => {
      if (timedOut) finish(`${LUA} timed out after ${LUA_TIMEOUT_MS} ms`);
      else if (code !== 0) finish(`${LUA} exited with ${code ?? signal}`);
      else finish(null);
    });
  });
}

/** Runs a program with moonbox in this process; an error that escapes stops it. */
export function runMoonboxOnce(program: string): Outcome {
  let out = '';
  const vm = createState({ stdout: (s) => { out += s; } });
  let failure: string | null = null;
  try {
    runText(vm, program, `@${CHUNK}`);
  } catch (e) {
    failure = e instanceof LuaError ? `LuaError: ${e.message.split('\n')[0]}` : `JS exception: ${String((e as Error)?.stack ?? e).split('\n').slice(0, 3).join(' | ')}`;
  }
  const lines = new Map<number, string>();
  parseLines(out, lines);
  return { lines, failure };
}

/** Runs a program with moonbox in a new Node process (fresh V8 state), through fresh-run.ts. */
export function runMoonboxFresh(program: string): Outcome {
  const script = fileURLToPath(new URL('./fresh-run.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { input: program, encoding: 'latin1', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`fresh moonbox process failed (${r.status ?? r.signal}): ${r.stderr}`);
  const o = JSON.parse(r.stdout) as { lines: [number, string][]; failure: string | null };
  return { lines: new Map(o.lines), failure: o.failure };
}

/** Runs every snippet with moonbox, restarting after the one that stopped a batch. */
export function runMoonbox(bodies: readonly (string | null)[], run: (program: string) => Outcome = runMoonboxOnce): Outcome {
  const lines = new Map<number, string>();
  const pending = bodies.slice();
  let first: string | null = null;
  for (;;) {
    const r = run(buildProgram(pending));
    for (const [i, l] of r.lines) lines.set(i, l);
    if (r.failure === null) break;
    first ??= r.failure;
    const culprit = pending.findIndex((b, i) => b !== null && !r.lines.has(i));
    if (culprit < 0) break;
    lines.set(culprit, `<moonbox stopped: ${r.failure}>`);
    for (let i = 0; i <= culprit; i++) pending[i] = null;
  }
  return { lines, failure: first };
}

export interface Diff {
  body: string;
  lua: string;
  moonbox: string;
}

const NO_LINE = '<no line>';

/** Runs a batch in both interpreters: the differing snippets, by index. */
export async function compareBatch(bodies: readonly string[], luaRun?: Promise<Outcome>,
  moonbox: (program: string) => Outcome = runMoonboxOnce): Promise<Map<number, Diff>> {
  const luaP = luaRun ?? runLua(buildProgram(bodies));
  const mb = runMoonbox(bodies, moonbox);
  const lua = await luaP;
  if (lua.failure !== null) {
    throw new Error(`${LUA} did not run the batch (a generator or harness bug): ${lua.failure}`);
  }
  const diffs = new Map<number, Diff>();
  bodies.forEach((body, i) => {
    const l = lua.lines.get(i) ?? NO_LINE;
    const m = mb.lines.get(i) ?? NO_LINE;
    if (l !== m) diffs.set(i, { body, lua: l, moonbox: m });
  });
  return diffs;
}

/** ok / error / stopped: what kind of line this is. */
function kind(line: string): string {
  return line.startsWith('ok:') ? 'ok' : line.startsWith('error:') ? 'error' : 'other';
}

/** Two differences are of the same shape when each side keeps its kind of result. */
export function sameShape(a: Diff, b: Diff): boolean {
  return kind(a.lua) === kind(b.lua) && kind(a.moonbox) === kind(b.moonbox);
}

export interface Minimised {
  node: Node;
  diff: Diff;
  steps: number;
}

/**
 * Greedy minimisation of a differing snippet: among the shorter one-step simplifications
 * (tried in batches of `chunk`), keep the shortest that still differs with the same shape;
 * repeat until none does. Every step shortens the text, so it terminates.
 */
export async function minimise(root: Node, original: Diff, chunk = 400, maxSteps = 60): Promise<Minimised> {
  let cur = root;
  let curDiff = original;
  let steps = 0;
  outer: while (steps < maxSteps) {
    const curText = text(cur);
    const seen = new Set<string>([curText]);
    const gen = simplifications(cur);
    let done = false;
    while (!done) {
      const cands: Node[] = [];
      while (cands.length < chunk) {
        const r = gen.next();
        if (r.done) {
          done = true;
          break;
        }
        const t = text(r.value);
        if (t.length < curText.length && !seen.has(t)) {
          seen.add(t);
          cands.push(r.value);
        }
      }
      if (cands.length === 0) break;
      const texts = cands.map(text);
      const diffs = await compareBatch(texts);
      let best = -1;
      for (const [i, d] of diffs) {
        if (!sameShape(d, original)) continue;
        if (best < 0 || texts[i].length < texts[best].length) best = i;
      }
      if (best >= 0) {
        cur = cands[best];
        curDiff = diffs.get(best)!;
        steps++;
        continue outer;
      }
    }
    break;
  }
  return { node: cur, diff: curDiff, steps };
}
