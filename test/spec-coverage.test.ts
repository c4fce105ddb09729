/**
 * Coverage of the standard library by the conformance suite: every function of every library
 * table of a fresh moonbox state (the tables in package.loaded: _G, coroutine, package, string,
 * utf8, table, math, io, os, debug) and every method of file handles must be named by at least
 * one spec/**\/*.lua program, so that coverage cannot silently regress when a program is
 * removed or a function is added. The functions of the reference interpreter (Lua 5.4.4, listed
 * below) are required as well, so a function moonbox lacks still needs a program.
 *
 * "Named" means, outside comments:
 *   base function f      the identifier f, not preceded by '.' or ':' (print(...), pcall(f, ...))
 *   library function     lib.f (string.rep, math.type; method calls alone do not count)
 *   file method m        :m (f:read(...), io.stdout:write(...))
 *
 * EXCLUDED lists functions deliberately left out, with the reason; an excluded function that a
 * program names after all makes the test fail, so the list stays accurate.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createState, runText } from '../src/engine/runtime.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SPEC_DIR = path.join(ROOT, 'spec');

const EXCLUDED: Record<string, string> = {
  // 'lib.name': 'why no program names it',
};

/** The functions of the reference interpreter's libraries (lua5.4 5.4.4, Debian build). */
const REFERENCE: Record<string, string[]> = {
  _G: ['assert', 'collectgarbage', 'dofile', 'error', 'getmetatable', 'ipairs', 'load', 'loadfile', 'next', 'pairs',
    'pcall', 'print', 'rawequal', 'rawget', 'rawlen', 'rawset', 'require', 'select', 'setmetatable', 'tonumber',
    'tostring', 'type', 'warn', 'xpcall'],
  coroutine: ['close', 'create', 'isyieldable', 'resume', 'running', 'status', 'wrap', 'yield'],
  package: ['loadlib', 'searchpath'],
  string: ['byte', 'char', 'dump', 'find', 'format', 'gmatch', 'gsub', 'len', 'lower', 'match', 'pack', 'packsize',
    'rep', 'reverse', 'sub', 'unpack', 'upper'],
  utf8: ['char', 'codepoint', 'codes', 'len', 'offset'],
  table: ['concat', 'insert', 'move', 'pack', 'remove', 'sort', 'unpack'],
  math: ['abs', 'acos', 'asin', 'atan', 'atan2', 'ceil', 'cos', 'cosh', 'deg', 'exp', 'floor', 'fmod', 'frexp', 'ldexp',
    'log', 'log10', 'max', 'min', 'modf', 'pow', 'rad', 'random', 'randomseed', 'sin', 'sinh', 'sqrt', 'tan', 'tanh',
    'tointeger', 'type', 'ult'],
  io: ['close', 'flush', 'input', 'lines', 'open', 'output', 'popen', 'read', 'tmpfile', 'type', 'write'],
  os: ['clock', 'date', 'difftime', 'execute', 'exit', 'getenv', 'remove', 'rename', 'setlocale', 'time', 'tmpname'],
  debug: ['debug', 'gethook', 'getinfo', 'getlocal', 'getmetatable', 'getregistry', 'getupvalue', 'getuservalue',
    'setcstacklimit', 'sethook', 'setlocal', 'setmetatable', 'setupvalue', 'setuservalue', 'traceback', 'upvalueid',
    'upvaluejoin'],
  file: ['close', 'flush', 'lines', 'read', 'seek', 'setvbuf', 'write'],
};

/** Lines "lib name" for every function of the loaded libraries and of file handles. */
const ENUMERATE = `
local out = {}
for lib, t in pairs(package.loaded) do
  if type(t) == "table" then
    for k, v in pairs(t) do
      if type(k) == "string" and type(v) == "function" then out[#out + 1] = lib .. " " .. k end
    end
  end
end
for k, v in pairs(getmetatable(io.stdout).__index) do
  if type(v) == "function" then out[#out + 1] = "file " .. k end
end
table.sort(out)
print(table.concat(out, "\\n"))
`;

function moonboxFunctions(): string[] {
  let out = '';
  const vm = createState({ stdout: (s) => { out += s; }, stderr: () => {} });
  runText(vm, ENUMERATE, '=coverage');
  return out.split('\n').filter((l) => l !== '').map((l) => {
    const [lib, name] = l.split(' ');
    return lib === '_G' ? name : lib === 'file' ? `file:${name}` : `${lib}.${name}`;
  });
}

function referenceFunctions(): string[] {
  const r: string[] = [];
  for (const [lib, names] of Object.entries(REFERENCE)) {
    for (const n of names) r.push(lib === '_G' ? n : lib === 'file' ? `file:${n}` : `${lib}.${n}`);
  }
  return r;
}

function findPrograms(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, ent.name);
    if (ent.isDirectory()) findPrograms(full, out);
    else if (ent.isFile() && ent.name.endsWith('.lua')) out.push(full);
  }
  return out.sort();
}

/** Program text without comments (long comments, then line comments; a rough cut is enough). */
function stripComments(src: string): string {
  return src
    .replace(/--\[(=*)\[[\s\S]*?\]\1\]/g, ' ')
    .replace(/--[^\n]*/g, ' ');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern a program must contain to name `fn` ("print", "string.rep", "file:read"). */
function namePattern(fn: string): RegExp {
  if (fn.startsWith('file:')) return new RegExp(`:\\s*${escapeRe(fn.slice(5))}\\b`);
  const dot = fn.indexOf('.');
  if (dot < 0) return new RegExp(`(?<![\\w.:])${escapeRe(fn)}(?!\\w)`);
  return new RegExp(`\\b${escapeRe(fn.slice(0, dot))}\\s*\\.\\s*${escapeRe(fn.slice(dot + 1))}\\b`);
}

describe('spec/ names every standard library function', () => {
  const programs = findPrograms(SPEC_DIR).map((f) => ({
    rel: path.relative(ROOT, f).split(path.sep).join('/'),
    text: stripComments(readFileSync(f, 'latin1')),
  }));
  const fromState = moonboxFunctions();
  const all = [...new Set([...fromState, ...referenceFunctions()])].sort();

  it('enumerates the libraries of a fresh state', () => {
    expect(programs.length).toBeGreaterThan(100);
    // a sanity check of the enumeration itself
    for (const f of ['print', 'string.format', 'table.sort', 'io.open', 'file:read', 'debug.traceback']) {
      expect(fromState).toContain(f);
    }
  });

  it('every excluded function exists and has a reason', () => {
    for (const [fn, why] of Object.entries(EXCLUDED)) {
      expect(all, fn).toContain(fn);
      expect(why.length).toBeGreaterThan(0);
    }
  });

  for (const fn of all) {
    const pattern = namePattern(fn);
    const users = programs.filter((p) => pattern.test(p.text)).map((p) => p.rel);
    if (fn in EXCLUDED) {
      it(`${fn} (excluded: ${EXCLUDED[fn]})`, () => {
        expect(users, `${fn} is named by ${users.join(', ')}: remove it from EXCLUDED in test/spec-coverage.test.ts`)
          .toEqual([]);
      });
    } else {
      it(fn, () => {
        expect(users.length, `no spec/**/*.lua program names ${fn} (pattern ${pattern})`).toBeGreaterThan(0);
      });
    }
  }
});
