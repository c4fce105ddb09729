import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VERSION } from '../../src/index.js';

/**
 * moonbox's own options of the command line (the lua-compatible ones are compared with
 * lua5.4 in cli.test.ts): --help, the version line, and the sandbox flags that apply the
 * engine's policy and limits to everything the command runs.
 */
const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'bin/moonbox.js');

function run(args: string[], input = '') {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'latin1', timeout: 20000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('moonbox command: version and help', () => {
  it('VERSION is package.json\'s version', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });

  it('-v prints "moonbox x.y.z (Lua 5.4)"', () => {
    expect(run(['-v'])).toEqual({ stdout: `moonbox ${VERSION} (Lua 5.4)\n`, stderr: '', status: 0 });
  });

  it('--help and -h list the lua options and the sandbox options, and exit 0', () => {
    for (const opt of ['--help', '-h']) {
      const r = run([opt, 'never-run.lua']);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/^usage: moonbox \[options\] \[script \[args\]\]\n/);
      for (const o of ['-e stat', '-l mod', '-i ', '-v ', '-E ', '-W ', '--sandbox=POLICY', '--max-instructions=N',
        '--max-memory=N', '--timeout=MS']) {
        expect(r.stdout).toContain(o);
      }
    }
  });

  it('an unknown long option is reported as lua reports unknown options', () => {
    const r = run(['--frob']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^moonbox: unrecognized option '--frob'\nusage: moonbox/);
  });
});

describe('moonbox command: sandbox flags', () => {
  it('--max-instructions stops a runaway loop with status 1', () => {
    const r = run(['--max-instructions=5000', '-e', 'print("start") while true do end']);
    expect(r).toEqual({ stdout: 'start\n', stderr: 'moonbox: the run exceeded its limit of 5000 instructions\n', status: 1 });
  });

  it('the instruction limit is exact: a program of N instructions runs with N and stops with N - 1', () => {
    // count what the program takes, then run it with exactly that many and one fewer
    const prog = 'local s = 0 for i = 1, 100 do s = s + i end print(s)';
    const full = run(['-e', prog]);
    expect(full.stdout).toBe('5050\n');
    let n = 0;
    for (let lo = 1, hi = 100000; lo <= hi;) {
      const mid = (lo + hi) >> 1;
      if (run(['--max-instructions=' + mid, '-e', prog]).status === 0) { n = mid; hi = mid - 1; } else lo = mid + 1;
    }
    // two instructions per iteration (the addition and the loop) and a few around them
    expect(n).toBeGreaterThanOrEqual(200);
    expect(n).toBeLessThan(250);
    expect(run(['--max-instructions=' + n, '-e', prog])).toEqual({ stdout: '5050\n', stderr: '', status: 0 });
    expect(run(['--max-instructions=' + (n - 1), '-e', prog]).status).toBe(1);
  }, 60000);

  it('--timeout stops a loop by wall-clock time, also in a separate-value form', () => {
    for (const args of [['--timeout=150'], ['--timeout', '150']]) {
      const t0 = Date.now();
      const r = run([...args, '-e', 'while true do end']);
      expect(r).toEqual({ stdout: '', stderr: 'moonbox: the run exceeded its time limit of 150 ms\n', status: 1 });
      expect(Date.now() - t0).toBeLessThan(5000);
    }
  });

  it('--max-memory stops a growing heap (k/m/g suffixes)', () => {
    const r = run(['--max-memory=2m', '-e', 'local t = {} for i = 1, 1e8 do t[i] = {} end']);
    expect(r).toEqual({ stdout: '', stderr: `moonbox: the run exceeded its memory limit of ${2 * 1024 * 1024} bytes\n`, status: 1 });
    expect(run(['--max-memory=2m', '-e', 'local t = {} for i = 1, 100 do t[i] = {} end print(#t)']).stdout).toBe('100\n');
  });

  it('a limit is not catchable by pcall, and pending <close> variables still run', () => {
    const r = run(['--max-instructions=100000', '-e',
      'local x <close> = setmetatable({}, {__close = function() print("closed") end}) print(pcall(function() while true do end end))']);
    expect(r).toEqual({ stdout: 'closed\n', stderr: 'moonbox: the run exceeded its limit of 100000 instructions\n', status: 1 });
  });

  it('--sandbox applies an engine policy: strict has no io, os.execute or load', () => {
    const probe = 'print(type(io), type(os), type(load), type(string.rep), type(require))';
    expect(run(['-e', probe]).stdout).toBe('table\ttable\tfunction\tfunction\tfunction\n');
    expect(run(['--sandbox=strict', '-e', probe]).stdout).toBe('nil\tnil\tnil\tfunction\tnil\n');
    expect(run(['--sandbox=full', '-e', probe]).stdout).toBe('table\ttable\tfunction\tfunction\tfunction\n');
    expect(run(['--sandbox=strict', '-e', 'string.rep = nil']).stderr).toMatch(/^moonbox: .*read-only|^moonbox: /);
  });

  it('bad values are reported without running anything', () => {
    expect(run(['--sandbox=bogus', '-e', 'print(1)'])).toEqual({
      stdout: '', stderr: "moonbox: unknown sandbox policy 'bogus' (minimal, standard, strict or full)\n", status: 1,
    });
    expect(run(['--max-instructions=-3', '-e', 'print(1)'])).toEqual({
      stdout: '', stderr: "moonbox: bad value for '--max-instructions': '-3'\n", status: 1,
    });
    expect(run(['--timeout'])).toEqual({ stdout: '', stderr: "moonbox: '--timeout' needs argument\n", status: 1 });
  });

  it('limits cover the interactive loop too', () => {
    const r = run(['--timeout=200', '-i'], 'print(1)\nwhile true do end\nprint(2)\n');
    expect(r.stdout).toBe(`moonbox ${VERSION} (Lua 5.4)\n> print(1)\n1\n> while true do end\n`);
    expect(r.stderr).toBe('moonbox: the run exceeded its time limit of 200 ms\n');
    expect(r.status).toBe(1);
  });
});
