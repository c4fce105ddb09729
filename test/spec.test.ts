/**
 * The conformance suite: every spec/<area>/<name>.lua is run with the moonbox CLI
 * (`node bin/moonbox.js <name>.lua`, cwd = the program's folder, empty stdin) and its stdout,
 * stderr and exit status must equal, byte for byte, the recording spec/<area>/<name>.expected
 * made from the reference interpreter by `npm run spec:record` (format: see spec/README.md).
 *
 * - test/spec-known-failures.json maps program paths to a short reason. Such a program must
 *   still FAIL (a fixed program has to be removed from the list); every other must pass.
 * - MOONBOX_SPEC_CMD="lua5.4" (or any command line) runs that command instead of the CLI;
 *   a stderr line starting with `<argv0>: ` then starts with `moonbox: `, and the known-failure
 *   list is not applied (every program must pass). Used to check runner and recordings.
 * - MOONBOX_SPEC_FILTER=errors/ runs only the programs whose path contains that text.
 * - MOONBOX_SPEC_JOBS=n bounds the number of programs running at once (default: cpu count).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SPEC_DIR = path.join(ROOT, 'spec');
const CLI = path.join(ROOT, 'bin', 'moonbox.js');
const KNOWN_FAILURES_FILE = path.join(ROOT, 'test', 'spec-known-failures.json');
const TIMEOUT_MS = 10_000;
const MAX_OUTPUT = 16 * 1024 * 1024;

interface Outcome {
  stdout: Buffer;
  stderr: Buffer;
  /** exit code as text, or `signal SIGxxx`, or `timeout` */
  status: string;
}

/** Paths relative to ROOT with '/' separators, sorted. */
function findFiles(dir: string, ext: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, ent.name);
    if (ent.isDirectory()) findFiles(full, ext, out);
    else if (ent.isFile() && ent.name.endsWith(ext)) out.push(path.relative(ROOT, full).split(path.sep).join('/'));
  }
  return out.sort();
}

/** Parses the .expected format written by scripts/spec-record.mjs; throws on malformed input. */
function parseRecording(buf: Buffer, name: string): Outcome {
  let pos = 0;
  const line = (): string => {
    const nl = buf.indexOf(10, pos);
    if (nl < 0) throw new Error(`${name}: truncated recording at byte ${pos}`);
    const s = buf.toString('latin1', pos, nl);
    pos = nl + 1;
    return s;
  };
  const section = (label: string): Buffer => {
    const header = line();
    const m = /^#### (\w+) (\d+)$/.exec(header);
    if (!m || m[1] !== label) throw new Error(`${name}: expected '#### ${label} <bytes>', found '${header}'`);
    const n = Number(m[2]);
    const body = buf.subarray(pos, pos + n);
    if (body.length !== n || buf[pos + n] !== 10) throw new Error(`${name}: ${label} body is not ${n} bytes + newline`);
    pos += n + 1;
    return Buffer.from(body);
  };
  const stdout = section('stdout');
  const stderr = section('stderr');
  const m = /^#### status (\d+)$/.exec(line());
  if (!m || pos !== buf.length) throw new Error(`${name}: malformed status line or trailing bytes`);
  return { stdout, stderr, status: m[1] };
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^LUA_/.test(k) && !/^LC_/.test(k) && k !== 'LANG' && k !== 'LANGUAGE') env[k] = v;
  }
  env.LC_ALL = 'C';
  return env;
}

const override = process.env.MOONBOX_SPEC_CMD?.trim();
const command: string[] = override ? override.split(/\s+/) : [process.execPath, CLI];
/** `<argv0>: ` at the start of a stderr line, rewritten to `moonbox: ` for foreign commands. */
const foreignPrefix = override ? command[0] : null;

function rewriteStderr(buf: Buffer): Buffer {
  if (foreignPrefix === null) return buf;
  const esc = foreignPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const s = buf.toString('latin1').replace(new RegExp(`(^|\\n)${esc}: `, 'g'), '$1moonbox: ');
  return Buffer.from(s, 'latin1');
}

/** Children still running; afterAll kills the ones started ahead for tests that a filter skipped. */
const liveChildren = new Set<ReturnType<typeof spawn>>();

function runProgram(rel: string): Promise<Outcome> {
  const file = path.join(ROOT, rel);
  return new Promise((resolve) => {
    const child = spawn(command[0], [...command.slice(1), path.basename(file)], {
      cwd: path.dirname(file),
      env: cleanEnv(),
      argv0: command[0],
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    liveChildren.add(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let failure: string | null = null;
    const timer = setTimeout(() => {
      failure = 'timeout';
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    const collect = (arr: Buffer[]) => (chunk: Buffer) => {
      arr.push(chunk);
      size += chunk.length;
      if (size > MAX_OUTPUT && failure === null) {
        failure = `output over ${MAX_OUTPUT} bytes`;
        child.kill('SIGKILL');
      }
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.on('error', (e) => {
      clearTimeout(timer);
      liveChildren.delete(child);
      resolve({ stdout: Buffer.alloc(0), stderr: Buffer.from(`spawn failed: ${e.message}`), status: 'spawn error' });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      liveChildren.delete(child);
      const status = failure ?? (code !== null ? String(code) : `signal ${signal}`);
      resolve({ stdout: Buffer.concat(out), stderr: rewriteStderr(Buffer.concat(err)), status });
    });
    child.stdin.on('error', () => {});
    child.stdin.end();
  });
}

/**
 * Runs programs with at most `limit` processes at once. Tests run in order and each one first
 * queues its own program and the next `window` ones, so the pipeline stays full while a test
 * filter (vitest -t) still starts only the programs near the tests it selects.
 */
function createRunner(list: string[], limit: number, window: number): (i: number) => Promise<Outcome> {
  const started = new Map<number, Promise<Outcome>>();
  const queue: { i: number; resolve: (o: Outcome) => void }[] = [];
  let active = 0;
  const pump = (): void => {
    while (active < limit && queue.length > 0) {
      const job = queue.shift()!;
      active++;
      void runProgram(list[job.i]).then((o) => {
        active--;
        job.resolve(o);
        pump();
      });
    }
  };
  const ensure = (i: number): Promise<Outcome> => {
    let p = started.get(i);
    if (!p) {
      p = new Promise<Outcome>((resolve) => { queue.push({ i, resolve }); });
      started.set(i, p);
      pump();
    }
    return p;
  };
  return (i: number) => {
    const own = ensure(i);
    for (let k = i + 1; k < Math.min(list.length, i + 1 + window); k++) void ensure(k);
    return own;
  };
}

/** First difference between two outcomes, or null if they are equal byte for byte. */
function mismatch(actual: Outcome, expected: Outcome): string | null {
  const parts: string[] = [];
  for (const key of ['stdout', 'stderr'] as const) {
    if (!actual[key].equals(expected[key])) {
      const a = actual[key].toString('latin1');
      const e = expected[key].toString('latin1');
      let i = 0;
      while (i < a.length && i < e.length && a[i] === e[i]) i++;
      const lineNo = e.slice(0, i).split('\n').length;
      const from = e.lastIndexOf('\n', i - 1) + 1;
      const show = (s: string): string => JSON.stringify(s.slice(from, Math.min(s.length, i + 120)));
      parts.push(`${key} differs at byte ${i} (line ${lineNo}):\n  expected ${show(e)}\n  actual   ${show(a)}`);
    }
  }
  if (actual.status !== expected.status) parts.push(`exit status: expected ${expected.status}, actual ${actual.status}`);
  return parts.length ? parts.join('\n') : null;
}

const filter = process.env.MOONBOX_SPEC_FILTER;
const allPrograms = findFiles(SPEC_DIR, '.lua');
const programs = filter ? allPrograms.filter((p) => p.includes(filter)) : allPrograms;
function readKnownFailures(): Record<string, string> {
  if (!existsSync(KNOWN_FAILURES_FILE)) return {};
  try {
    return JSON.parse(readFileSync(KNOWN_FAILURES_FILE, 'utf8')) as Record<string, string>;
  } catch (e) {
    throw new Error(`test/spec-known-failures.json is not valid JSON: ${(e as Error).message}`);
  }
}
const knownFailures = readKnownFailures();
const applyKnownFailures = !override;
const cliMissing = !override && !existsSync(CLI);
const jobs = Math.max(1, Number(process.env.MOONBOX_SPEC_JOBS) || (os.availableParallelism?.() ?? os.cpus().length));

describe('spec suite layout', () => {
  it('every program has a recording and every recording a program', () => {
    const recs = findFiles(SPEC_DIR, '.expected');
    const lua = new Set(allPrograms.map((p) => p.replace(/\.lua$/, '')));
    const rec = new Set(recs.map((p) => p.replace(/\.expected$/, '')));
    const unrecorded = [...lua].filter((p) => !rec.has(p)).map((p) => `${p}.lua`);
    const orphans = [...rec].filter((p) => !lua.has(p)).map((p) => `${p}.expected`);
    expect(unrecorded, 'programs without a recording (run npm run spec:record)').toEqual([]);
    expect(orphans, 'recordings without a program (run npm run spec:record)').toEqual([]);
    expect(allPrograms.length).toBeGreaterThan(0);
  });

  it('test/spec-known-failures.json is an object of existing program paths to reasons', () => {
    expect(typeof knownFailures === 'object' && knownFailures !== null && !Array.isArray(knownFailures)).toBe(true);
    const stale = Object.keys(knownFailures).filter((p) => !allPrograms.includes(p));
    expect(stale, 'entries naming no spec program').toEqual([]);
    for (const [p, reason] of Object.entries(knownFailures)) expect(typeof reason, `reason for ${p}`).toBe('string');
  });
});

if (cliMissing) {
  describe('spec programs', () => {
    it('needs the moonbox CLI', () => {
      expect.fail(`bin/moonbox.js is missing: the spec suite runs \`node bin/moonbox.js <name>.lua\` ` +
        `(${programs.length} programs not run). Set MOONBOX_SPEC_CMD=lua5.4 to check the suite against the reference.`);
    });
  });
} else {
  describe(`spec programs (${override ? `command: ${override}` : 'node bin/moonbox.js'})`, () => {
    const run = createRunner(programs, jobs, 2 * jobs);
    const tally = { passed: 0, knownFailing: 0, failed: 0 };

    afterAll(() => {
      for (const child of liveChildren) child.kill('SIGKILL');
      const ran = tally.passed + tally.knownFailing + tally.failed;
      console.log(`spec: ${tally.passed} passed, ${tally.knownFailing} known failures, ` +
        `${tally.failed} failed, ${programs.length} total` +
        (ran < programs.length ? ` (${programs.length - ran} not run)` : '') +
        (override ? ` (command: ${override})` : ''));
    });

    programs.forEach((rel, i) => {
      const known = applyKnownFailures && Object.hasOwn(knownFailures, rel);
      it(known ? `${rel} (known failure)` : rel, async () => {
        const recPath = path.join(ROOT, rel.replace(/\.lua$/, '.expected'));
        if (!existsSync(recPath)) {
          tally.failed++;
          expect.fail(`${rel} has no recording: run npm run spec:record`);
        }
        const expected = parseRecording(readFileSync(recPath), rel);
        const actual = await run(i);
        const diff = mismatch(actual, expected);
        if (known) {
          if (diff === null) {
            tally.failed++;
            expect.fail(`${rel} now passes: remove it from test/spec-known-failures.json ` +
              `(listed as: ${knownFailures[rel]})`);
          }
          tally.knownFailing++;
          return;
        }
        if (diff !== null) {
          tally.failed++;
          expect.fail(`${rel}: ${diff}`);
        }
        tally.passed++;
      }, TIMEOUT_MS * 3);
    });
  });
}
