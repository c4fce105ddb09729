#!/usr/bin/env node
/**
 * Records the expected output of the string library cases from the reference interpreter:
 * `node test/stdlib/record-string-cases.mjs [part...]` (parts: basic pattern format pack;
 * default all).
 *
 * test/stdlib/string-<part>-cases.lua is Lua source cut into cases by lines
 * `-- case: <name>`; the lines before the first case (the prelude: helper functions) start
 * every case. A line `-- yields` marks a case that yields from inside library calls (gsub
 * callbacks, __tostring in format, string arithmetic metamethods), which moonbox allows and
 * lua5.4 does not: it is recorded with coroutine.yield replaced by a function returning its
 * arguments (on the first line, so line numbers do not change), and the case is written so
 * that both runs print the same thing.
 *
 * Each case runs as `lua5.4 -` (chunk name "stdin") with the case on stdin and a clean
 * environment (C locale, no LUA_* variables); its stdout (bytes, stored as a latin1 string)
 * and the first line of its error message, if it died, go to string-<part>-cases.json, which
 * test/stdlib/string.test.ts compares against moonbox. Nothing there is typed by hand.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.dirname(fileURLToPath(import.meta.url));
const LUA = 'lua5.4';
export const PARTS = ['basic', 'pattern', 'format', 'pack'];

/** Splits a case file into {name, yields, code}. */
export function parseStringCases(text) {
  const cases = [];
  const prelude = [];
  let cur = null;
  for (const line of text.split('\n')) {
    const m = /^-- case: (.*)$/.exec(line);
    if (m) {
      cur = { name: m[1].trim(), yields: false, lines: [...prelude] };
      cases.push(cur);
      continue;
    }
    if (cur === null) {
      prelude.push(line);
      continue;
    }
    if (line === '-- yields') cur.yields = true;
    cur.lines.push(line);
  }
  return cases.map((c) => ({
    name: c.name,
    yields: c.yields,
    code: c.lines.join('\n').replace(/\n+$/, '') + '\n',
  }));
}

function record(part) {
  const src = path.join(DIR, `string-${part}-cases.lua`);
  const cases = parseStringCases(readFileSync(src, 'latin1'));
  const names = new Set();
  const out = [];
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`${part}: duplicate case name: ${c.name}`);
    names.add(c.name);
    const code = c.yields ? 'coroutine.yield = function(...) return ... end ' + c.code : c.code;
    const r = spawnSync(LUA, ['-'], {
      input: Buffer.from(code, 'latin1'),
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
      cwd: DIR,
      timeout: 60000,
      maxBuffer: 64 << 20,
    });
    if (r.error) throw new Error(`case '${c.name}': ${r.error.message}`);
    let err = null;
    if (r.status !== 0) {
      const first = r.stderr.toString('latin1').split('\n')[0];
      err = first.startsWith(`${LUA}: `) ? first.slice(LUA.length + 2) : first;
    }
    out.push({ name: c.name, yields: c.yields, code: c.code, out: r.stdout.toString('latin1'), err });
  }
  const version = spawnSync(LUA, ['-v']).stdout.toString().trim();
  const file = path.join(DIR, `string-${part}-cases.json`);
  writeFileSync(file, JSON.stringify({ lua: version, cases: out }, null, 1) + '\n');
  console.log(`${file}: ${out.length} cases`);
}

const want = process.argv.slice(2);
for (const part of want.length > 0 ? want : PARTS) {
  if (!PARTS.includes(part)) throw new Error(`unknown part ${part}`);
  record(part);
}
