#!/usr/bin/env node
/**
 * Records the expected output of the table library cases (test/stdlib/table-cases.lua) from
 * the reference interpreter: `node test/stdlib/record-table-cases.mjs`.
 *
 * Also the shared recorder of the math, utf8 and os cases (record-<lib>-cases.mjs call
 * recordCases). A case file is Lua source cut into cases by lines `-- case: <name>`; a line
 * `-- tz: <zone>` inside a case runs it with that TZ (default UTC). A line `-- yields` marks a
 * case that yields from inside library calls (comparators, metamethods), which moonbox allows
 * and lua5.4 does not: it is recorded with coroutine.yield replaced by a function returning its
 * arguments, so the recording holds the results the case must reach. Each case runs as
 * `lua5.4 -` (chunk name "stdin") with the case on stdin, a clean environment (C locale, no
 * LUA_* variables, MOONBOX_TEST_VAR=hello), and its stdout (bytes, stored as a latin1 string)
 * and the first line of its error message, if it died, go to test/stdlib/<lib>-cases.json,
 * which test/stdlib/<lib>.test.ts compares against moonbox. Nothing there is typed by hand.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DIR = path.dirname(fileURLToPath(import.meta.url));
const LUA = 'lua5.4';

/**
 * Splits a case file into {name, code, tz}. The lines before the first case (the prelude:
 * helper functions) start every case.
 */
export function parseCases(text) {
  const cases = [];
  const prelude = [];
  let cur = null;
  for (const line of text.split('\n')) {
    const m = /^-- case: (.*)$/.exec(line);
    if (m) {
      cur = { name: m[1].trim(), lines: [...prelude], tz: 'UTC', yields: false };
      cases.push(cur);
      continue;
    }
    if (cur === null) {
      prelude.push(line);
      continue;
    }
    const z = /^-- tz: (.*)$/.exec(line);
    if (z) cur.tz = z[1].trim();
    if (line === '-- yields') cur.yields = true;
    cur.lines.push(line);
  }
  return cases.map((c) => ({ name: c.name, tz: c.tz, yields: c.yields, code: c.lines.join('\n').replace(/\n+$/, '') + '\n' }));
}

export function caseEnv(tz) {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: tz, MOONBOX_TEST_VAR: 'hello' };
  return env;
}

export function recordCases(lib) {
  const src = path.join(DIR, `${lib}-cases.lua`);
  const cases = parseCases(readFileSync(src, 'latin1'));
  const names = new Set();
  const out = [];
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`duplicate case name: ${c.name}`);
    names.add(c.name);
    // on one line, so that line numbers do not change
    const code = c.yields ? 'coroutine.yield = function(...) return ... end ' + c.code : c.code;
    const r = spawnSync(LUA, ['-'], { input: Buffer.from(code, 'latin1'), env: caseEnv(c.tz), cwd: DIR, timeout: 20000, maxBuffer: 64 << 20 });
    if (r.error) throw new Error(`case '${c.name}': ${r.error.message}`);
    const stderr = r.stderr.toString('latin1');
    let err = null;
    if (r.status !== 0) {
      const first = stderr.split('\n')[0];
      err = first.startsWith(`${LUA}: `) ? first.slice(LUA.length + 2) : first;
    }
    out.push({ name: c.name, tz: c.tz, yields: c.yields, code: c.code, out: r.stdout.toString('latin1'), err });
  }
  const version = spawnSync(LUA, ['-v']).stdout.toString().trim();
  const file = path.join(DIR, `${lib}-cases.json`);
  writeFileSync(file, JSON.stringify({ lua: version, cases: out }, null, 1) + '\n');
  console.log(`${file}: ${out.length} cases`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) recordCases('table');
