// The io library (manual §6.8) against output recorded from lua5.4
// (test/stdlib/io-cases.lua -> io-cases.json by record-io-cases.mjs).
//
// Each case runs in-process, in a fresh empty directory made the process's cwd, with the
// Node host (createNodeOsHost: files through node:fs, popen through node:child_process) and
// the case's stdin given as a chunk reader; the state is closed afterwards (as lua.c does at
// exit, which runs the __gc of files left open). stdout, stderr, the error and the files left
// in the directory must equal the recording.
import * as fs from 'node:fs';
import * as childProcess from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeState, createState, runText } from '../../src/engine/runtime.js';
import { LuaError } from '../../src/vm/errors.js';
import { createNodeOsHost } from '../../src/stdlib/os.js';

interface IoCase {
  name: string;
  stdin: string;
  code: string;
  out: string;
  stderr: string;
  err: string | null;
  files: Record<string, string>;
}

const data = JSON.parse(fs.readFileSync(new URL('./io-cases.json', import.meta.url), 'utf8')) as { cases: IoCase[] };

/** Files in dir (recursively), as the recorder lists them. */
function listFiles(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const rel = prefix + name;
    if (fs.statSync(full).isDirectory()) {
      out[rel + '/'] = '<dir>';
      Object.assign(out, listFiles(full, rel + '/'));
    } else {
      out[rel] = fs.readFileSync(full).toString('latin1');
    }
  }
  return out;
}

function runIoCase(c: IoCase): { out: string; stderr: string; err: string | null; files: Record<string, string> } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'moonbox-io-'));
  const work = path.join(root, 'work');
  fs.mkdirSync(work);
  const cwd = process.cwd();
  process.chdir(work);
  try {
    let out = '';
    let stderr = '';
    let pos = 0;
    const vm = createState({
      stdout: (s) => { out += s; },
      stderr: (s) => { stderr += s; },
      readFile: (p) => {
        try {
          return fs.readFileSync(p).toString('latin1');
        } catch {
          return null;
        }
      },
    });
    vm.host = createNodeOsHost({
      fs,
      childProcess,
      // stdin in small chunks, to exercise the lazy reads
      stdin: (max) => {
        const r = c.stdin.slice(pos, pos + Math.min(max, 7));
        pos += r.length;
        return r;
      },
    });
    let err: string | null = null;
    try {
      runText(vm, c.code, '=stdin');
    } catch (e) {
      if (!(e instanceof LuaError)) throw e;
      err = e.message.split('\n')[0];
    }
    closeState(vm);
    return { out, stderr, err, files: listFiles(work) };
  } finally {
    process.chdir(cwd);
    fs.rmSync(root, { recursive: true, force: true });
  }
}

describe('io library matches lua5.4', () => {
  it('has the recorded cases', () => {
    expect(data.cases.length).toBeGreaterThanOrEqual(20);
  });
  for (const c of data.cases) {
    it(c.name, () => {
      const r = runIoCase(c);
      expect(r.out).toBe(c.out);
      expect(r.stderr).toBe(c.stderr);
      expect(r.err).toBe(c.err);
      expect(r.files).toEqual(c.files);
    });
  }
});
