#!/usr/bin/env node
/**
 * Records test/stdlib/io-cases.json and io-cli-cases.json from the reference interpreter:
 * `node test/stdlib/record-io-cases.mjs`.
 *
 * io-cases.lua is cut into cases as record-table-cases.mjs does (`-- case: <name>`, the
 * lines before the first case start every case). A line `-- stdin: "<json string>"` in a
 * case gives its standard input (bytes as char codes 0..255).
 *
 * Each case runs as its own lua5.4 process in a fresh empty directory (its cwd), loaded
 * with chunk name "stdin", with its stdin piped in, in a clean environment. Recorded: stdout
 * (bytes as a latin1 string), stderr up to the interpreter's own error report, the first
 * line of that report (if the case died), and every file the case left in its directory
 * (name -> contents), after the interpreter closed the state. io.test.ts runs each case in
 * moonbox the same way and compares all of it.
 *
 * io-cli-cases.lua is recorded the same way except that the interpreter's stderr goes to
 * the same pipe as its stdout (2>&1) and its exit status is kept; io-cli.test.ts runs those
 * cases with the moonbox command. Nothing in either json file is typed by hand.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCases, caseEnv } from './record-table-cases.mjs';

const DIR = path.dirname(fileURLToPath(import.meta.url));
const LUA = 'lua5.4';
/** loads the case file named by $IOCASE as chunk "stdin" and runs it */
const LOADER = 'local f = io.open(os.getenv("IOCASE"), "rb") local s = f:read("a") f:close() ' +
  'assert(load(s, "=stdin"))()';

/** The stdin of a case: its `-- stdin: "..."` line, or empty. */
export function caseStdin(code) {
  const m = /^-- stdin: (".*")$/m.exec(code);
  return m ? JSON.parse(m[1]) : '';
}

/** Files in dir (recursively), sorted: name -> contents as latin1, '<dir>' for folders. */
export function listFiles(dir, prefix = '') {
  const out = {};
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const rel = prefix + name;
    if (statSync(full).isDirectory()) {
      out[rel + '/'] = '<dir>';
      Object.assign(out, listFiles(full, rel + '/'));
    } else {
      out[rel] = readFileSync(full).toString('latin1');
    }
  }
  return out;
}

/**
 * Runs one case with `command` (argv0 and leading arguments) in a fresh directory and
 * returns what happened. `merged`: stderr into stdout, and the exit status recorded.
 */
export function runCase(command, code, stdin, merged) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'io-case-'));
  try {
    const work = path.join(root, 'work');
    mkdirSync(work);
    const file = path.join(root, 'case.lua');
    writeFileSync(file, Buffer.from(code, 'latin1'));
    const [cmd, ...args] = merged
      ? ['/bin/sh', '-c', 'exec "$@" 2>&1', 'sh', ...command, '-e', LOADER]
      : [...command, '-e', LOADER];
    const r = spawnSync(cmd, args, {
      cwd: work,
      input: Buffer.from(stdin, 'latin1'),
      env: { ...caseEnv('UTC'), IOCASE: file },
      timeout: 20000,
      maxBuffer: 64 << 20,
    });
    if (r.error) throw r.error;
    return { stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString('latin1'), status: r.status, files: listFiles(work) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function recordCli() {
  const cases = parseCases(readFileSync(path.join(DIR, 'io-cli-cases.lua'), 'latin1'));
  const out = [];
  for (const c of cases) {
    const stdin = caseStdin(c.code);
    const r = runCase([LUA], c.code, stdin, true);
    out.push({ name: c.name, stdin, code: c.code, out: r.stdout, status: r.status, files: r.files });
  }
  const version = spawnSync(LUA, ['-v']).stdout.toString().trim();
  const dest = path.join(DIR, 'io-cli-cases.json');
  writeFileSync(dest, JSON.stringify({ lua: version, cases: out }, null, 1) + '\n');
  console.log(`${dest}: ${out.length} cases`);
}

function record() {
  const cases = parseCases(readFileSync(path.join(DIR, 'io-cases.lua'), 'latin1'));
  const names = new Set();
  const out = [];
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`duplicate case name: ${c.name}`);
    names.add(c.name);
    const stdin = caseStdin(c.code);
    const r = runCase([LUA], c.code, stdin, false);
    let stderr = r.stderr;
    let err = null;
    if (r.status !== 0) {
      const at = stderr.lastIndexOf(`${LUA}: `);
      err = stderr.slice(at + LUA.length + 2).split('\n')[0];
      stderr = stderr.slice(0, at);
    }
    out.push({ name: c.name, stdin, code: c.code, out: r.stdout, stderr, err, files: r.files });
  }
  const version = spawnSync(LUA, ['-v']).stdout.toString().trim();
  const dest = path.join(DIR, 'io-cases.json');
  writeFileSync(dest, JSON.stringify({ lua: version, cases: out }, null, 1) + '\n');
  console.log(`${dest}: ${out.length} cases`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  record();
  recordCli();
}
