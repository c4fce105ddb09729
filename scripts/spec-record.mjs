#!/usr/bin/env node
/**
 * Records the expected output of the conformance programs in spec/ from the reference
 * interpreter `lua5.4` (npm run spec:record [-- [--check] [filter...]]).
 *
 * For every spec/<area>/<name>.lua it runs `lua5.4 <name>.lua` with the program's folder as
 * cwd, empty stdin and a clean environment, and writes spec/<area>/<name>.expected:
 *
 *   #### stdout <N>\n  <exactly N bytes of stdout>  \n
 *   #### stderr <M>\n  <exactly M bytes of stderr>  \n
 *   #### status <S>\n
 *
 * The byte counts make the format exact (trailing newlines, NUL or invalid UTF-8 bytes are kept
 * as they are); the newline after each body only keeps the file readable. The only rewrite:
 * a stderr line that starts with the interpreter's own name prefix `lua5.4: ` starts with
 * `moonbox: ` instead (the moonbox CLI prints `moonbox: msg` where lua prints `lua5.4: msg`).
 * test/spec.test.ts parses the same format.
 *
 * Arguments: each filter selects the programs whose path (relative to the repository, e.g.
 * spec/errors/index.lua) starts with or contains it; no filter = every program, and then
 * recordings whose .lua no longer exists are deleted. `--check` writes nothing and exits 1 if
 * any recording would change (used to confirm that the programs are deterministic).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SPEC_DIR = path.join(ROOT, 'spec');
const LUA = 'lua5.4';
const TIMEOUT_MS = 10_000;
const MAX_OUTPUT = 16 * 1024 * 1024;

/** Every spec/**\/*.lua, as paths relative to ROOT with '/' separators, sorted. */
function findPrograms(dir, out = []) {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, ent.name);
    if (ent.isDirectory()) findPrograms(full, out);
    else if (ent.isFile() && ent.name.endsWith('.lua')) out.push(path.relative(ROOT, full).split(path.sep).join('/'));
  }
  return out.sort();
}

function findRecordings(dir, out = []) {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, ent.name);
    if (ent.isDirectory()) findRecordings(full, out);
    else if (ent.isFile() && ent.name.endsWith('.expected')) out.push(full);
  }
  return out;
}

/** The environment a spec program runs in: no LUA_INIT / LUA_PATH etc., C locale. */
function cleanEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^LUA_/.test(k) && !/^LC_/.test(k) && k !== 'LANG' && k !== 'LANGUAGE') env[k] = v;
  }
  env.LC_ALL = 'C';
  return env;
}

/** `lua5.4: ` at the start of a stderr line becomes `moonbox: `. Works on bytes (latin1). */
function rewriteStderr(buf) {
  const s = buf.toString('latin1').replace(/(^|\n)lua5\.4: /g, '$1moonbox: ');
  return Buffer.from(s, 'latin1');
}

function encode(stdout, stderr, status) {
  return Buffer.concat([
    Buffer.from(`#### stdout ${stdout.length}\n`, 'latin1'), stdout, Buffer.from('\n'),
    Buffer.from(`#### stderr ${stderr.length}\n`, 'latin1'), stderr, Buffer.from('\n'),
    Buffer.from(`#### status ${status}\n`, 'latin1'),
  ]);
}

function runLua(rel, env) {
  const file = path.join(ROOT, rel);
  return new Promise((resolve, reject) => {
    const child = spawn(LUA, [path.basename(file)], { cwd: path.dirname(file), env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [], err = [];
    let size = 0, failure = null;
    const timer = setTimeout(() => { failure = `timed out after ${TIMEOUT_MS} ms`; child.kill('SIGKILL'); }, TIMEOUT_MS);
    const collect = (arr) => (chunk) => {
      arr.push(chunk);
      size += chunk.length;
      if (size > MAX_OUTPUT && !failure) { failure = `printed more than ${MAX_OUTPUT} bytes`; child.kill('SIGKILL'); }
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (failure) return reject(new Error(`${rel}: ${failure}`));
      if (code === null) return reject(new Error(`${rel}: ${LUA} killed by ${signal}`));
      resolve({ stdout: Buffer.concat(out), stderr: rewriteStderr(Buffer.concat(err)), status: code });
    });
    child.stdin.end();
  });
}

async function pool(items, limit, fn) {
  let next = 0;
  const worker = async () => { while (next < items.length) { const i = next++; await fn(items[i], i); } };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const filters = args.filter((a) => a !== '--check').map((a) => {
    const abs = path.resolve(process.cwd(), a);
    return existsSync(abs) ? path.relative(ROOT, abs).split(path.sep).join('/') : a;
  });

  const probe = spawnSync(LUA, ['-v'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0 || !/Lua 5\.4/.test(probe.stdout + probe.stderr)) {
    console.error(`spec-record: the reference interpreter '${LUA}' is not installed or not Lua 5.4 ` +
      `(${probe.error ? probe.error.message : (probe.stdout + probe.stderr).trim()}).\n` +
      `Install it (Debian/Ubuntu: apt-get install lua5.4) and run again.`);
    process.exit(2);
  }
  const version = (probe.stdout + probe.stderr).trim().split('\n')[0];

  const all = findPrograms(SPEC_DIR);
  const programs = filters.length === 0 ? all : all.filter((p) => filters.some((f) => p.startsWith(f) || p.includes(f)));
  if (programs.length === 0) {
    console.error(`spec-record: no program matches ${filters.join(' ')}`);
    process.exit(2);
  }

  const env = cleanEnv();
  const counts = { unchanged: 0, updated: 0, created: 0 };
  const changed = [];
  const errors = [];
  const limit = Math.max(2, (os.availableParallelism?.() ?? os.cpus().length));
  await pool(programs, limit, async (rel) => {
    let res;
    try { res = await runLua(rel, env); } catch (e) { errors.push(e.message); return; }
    const target = path.join(ROOT, rel.replace(/\.lua$/, '.expected'));
    const bytes = encode(res.stdout, res.stderr, res.status);
    const old = existsSync(target) ? readFileSync(target) : null;
    if (old && old.equals(bytes)) { counts.unchanged++; return; }
    if (old) counts.updated++; else counts.created++;
    changed.push(rel);
    if (!check) writeFileSync(target, bytes);
  });

  let deleted = 0;
  if (filters.length === 0) {
    const wanted = new Set(all.map((p) => path.join(ROOT, p.replace(/\.lua$/, '.expected'))));
    for (const rec of findRecordings(SPEC_DIR)) {
      if (wanted.has(rec)) continue;
      deleted++;
      changed.push(path.relative(ROOT, rec) + ' (no .lua)');
      if (!check) unlinkSync(rec);
    }
  }

  for (const c of changed.sort()) console.log(`${check ? 'differs' : 'recorded'}: ${c}`);
  for (const e of errors.sort()) console.error(`spec-record: ERROR ${e}`);
  console.log(`spec-record (${version}): ${programs.length} programs, ${counts.unchanged} unchanged, ` +
    `${counts.updated} ${check ? 'would change' : 'updated'}, ${counts.created} ${check ? 'unrecorded' : 'new'}` +
    (filters.length === 0 ? `, ${deleted} stale ${check ? 'recordings' : 'recordings deleted'}` : '') +
    (errors.length ? `, ${errors.length} ERRORS` : ''));
  if (errors.length || (check && changed.length)) process.exit(1);
}

main().catch((e) => { console.error(`spec-record: ${e.stack ?? e}`); process.exit(2); });
