// The in-memory file system (src/stdlib/io-memfs.ts) and the io library without Node:
// the recorded lua5.4 cases rerun on a MemFs, plus the host interface's edges (no host,
// lazy stdin, stdout buffering hooks).
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { closeState, createState, runText } from '../../src/engine/runtime.js';
import { LuaError } from '../../src/vm/errors.js';
import { MemFs } from '../../src/stdlib/io-memfs.js';
import type { LuaVM } from '../../src/vm/state.js';

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

/** Cases that need what a flat memory file system does not have. */
const NEEDS_REAL_FS: Record<string, string> = {
  'open modes and failures': 'opens the directory "." and a path in a missing directory',
  'default input and output': 'opens a path in a missing directory',
  popen: 'runs commands',
};

function run(code: string, setup: (vm: LuaVM) => void): { out: string; err: string | null; vm: LuaVM } {
  let out = '';
  const vm = createState({ stdout: (s) => { out += s; }, stderr: (s) => { out += s; } });
  setup(vm);
  let err: string | null = null;
  try {
    runText(vm, code, '=stdin');
  } catch (e) {
    if (!(e instanceof LuaError)) throw e;
    err = e.message.split('\n')[0];
  }
  return { out, err, vm };
}

describe('recorded io cases on a MemFs', () => {
  for (const c of data.cases) {
    const skip = NEEDS_REAL_FS[c.name];
    it.skipIf(skip !== undefined)(c.name, () => {
      const mem = new MemFs();
      let out = '';
      let stderr = '';
      const vm = createState({ stdout: (s) => { out += s; }, stderr: (s) => { stderr += s; }, readFile: mem.readFile });
      vm.host = mem.host({ stdin: c.stdin });
      let err: string | null = null;
      try {
        runText(vm, c.code, '=stdin');
      } catch (e) {
        if (!(e instanceof LuaError)) throw e;
        err = e.message.split('\n')[0];
      }
      closeState(vm);
      expect(out).toBe(c.out);
      expect(stderr).toBe(c.stderr);
      expect(err).toBe(c.err);
      const files: Record<string, string> = {};
      for (const p of [...mem.files.keys()].sort()) {
        if (!p.startsWith('/tmp/')) files[p] = mem.readText(p)!;
      }
      expect(files).toEqual(c.files);
    });
  }
});

describe('MemFs', () => {
  it('serves io and os from a map of files', () => {
    const mem = new MemFs({ 'in.txt': 'one\ntwo\n', 'bin': new Uint8Array([0, 255, 10]) });
    const r = run(`
      for l in io.lines('in.txt') do io.write('[', l, ']') end
      local f = assert(io.open('bin', 'rb'))
      print(f:read('a'):byte(1, -1))
      f:close()
      print(io.open('nope'))
      local out = assert(io.open('out.txt', 'w'))
      out:write('written ', 42, '\\n')
      out:close()
      print(os.rename('out.txt', 'moved.txt'), os.remove('in.txt'), os.remove('in.txt'))
      local name = os.tmpname()
      print(io.type(io.open(name)), name:match('^/tmp/lua_') ~= nil)
      print(os.remove(name))
      print(loadfile('moved.txt'))
      io.open('code.lua', 'w'):write('return 1 + 2'):close()
      print(dofile('code.lua'))
    `, (vm) => {
      vm.host = mem.host();
      vm.readFile = mem.readFile;
    });
    expect(r.err).toBe(null);
    expect(r.out).toBe('[one][two]0\t255\t10\nnil\tnope: No such file or directory\t2\n'
      + 'true\ttrue\tnil\tin.txt: No such file or directory\t2\nfile\ttrue\ntrue\n'
      + 'nil\tmoved.txt:1: syntax error near \'42\'\n3\n');
    expect(mem.readText('moved.txt')).toBe('written 42\n');
    expect(mem.exists('in.txt')).toBe(false);
    expect([...mem.readBytes('bin')!]).toEqual([0, 255, 10]);
  });

  it('keeps a removed file usable through its open handles', () => {
    const mem = new MemFs({ 'a': 'abc' });
    const r = run(`
      local f = io.open('a', 'r+')
      print(os.remove('a'), io.open('a'))
      f:write('X') f:seek('set') print(f:read('a'))
    `, (vm) => { vm.host = mem.host(); });
    expect(r.out).toBe('true\tnil\ta: No such file or directory\t2\nXbc\n');
    expect(mem.exists('a')).toBe(false);
  });

  it('grows files with zeros when writing past the end', () => {
    const mem = new MemFs();
    run(`local f = io.open('g', 'w') f:seek('set', 3) f:write('x') f:close()`, (vm) => { vm.host = mem.host(); });
    expect(mem.readText('g')).toBe('\0\0\0x');
  });

  it('reads stdin from a chunk reader', () => {
    const mem = new MemFs();
    const text = 'a\nb\nc\n';
    let pos = 0;
    const r = run(`print(io.read('L', 'l', 'a'))`, (vm) => {
      vm.host = mem.host({ stdin: (max) => { const s = text.slice(pos, pos + Math.min(max, 2)); pos += s.length; return s; } });
    });
    expect(r.out).toBe('a\n\tb\tc\n\n');
  });
});

describe('io without a file host', () => {
  it('fails io.open with ENOSYS and has no popen', () => {
    const r = run(`
      print(io.open('x'))
      print(pcall(io.lines, 'x'))
      print(pcall(io.popen, 'ls'))
      print(pcall(io.popen, 'ls', 'x'))
      local t = io.tmpfile()
      t:write('in memory') t:seek('set') print(t:read('a'))
      print(io.read())
    `, () => {});
    expect(r.err).toBe(null);
    expect(r.out).toBe('nil\tx: Function not implemented\t38\n'
      + "false\tcannot open file 'x' (Function not implemented)\n"
      + "false\t'popen' not supported\n"
      + "false\tbad argument #2 to 'io.popen' (invalid mode)\n"
      + 'in memory\nnil\n');
  });

  it('reads stdin from vm.readStdin when the host has none', () => {
    let calls = 0;
    const vm = createState({ stdout: () => {}, readStdin: () => { calls++; return 'x y\nz'; } });
    const r = runText(vm, `return io.read('l'), io.read('a')`, '=stdin');
    expect(r).toEqual(['x y', 'z']);
    expect(calls).toBe(1);
  });
});

describe('standard streams', () => {
  it('reads stdin lazily, only as much as the reads need', () => {
    const asked: number[] = [];
    const input = 'first\n' + 'x'.repeat(100000);
    let pos = 0;
    const r = run(`print(io.read())`, (vm) => {
      vm.host = {
        stdin: {
          read(n: number) { asked.push(n); const s = input.slice(pos, pos + n); pos += s.length; return s; },
          write: () => null,
          close: () => null,
        },
      };
    });
    expect(r.out).toBe('first\n');
    expect(asked).toEqual([4096]);
  });

  it('flushes buffered stdout before reading stdin, and per write after setvbuf("no")', () => {
    const events: string[] = [];
    const r = run(`
      io.write('prompt> ')
      local l = io.read()
      io.stdout:setvbuf('no')
      io.write('a') print('b')
      io.stdout:setvbuf('full')
      io.write('c') print(l)
      io.stdout:flush()
    `, (vm) => {
      vm.stdout = (s) => { events.push('out:' + s); };
      (vm as any).flushOutput = () => { events.push('flush'); };
      vm.host = { stdin: { read: (n: number) => { events.push('read'); return n > 0 && !events.includes('eof') ? (events.push('eof'), 'typed\n') : ''; }, write: () => null, close: () => null } };
    });
    expect(r.err).toBe(null);
    expect(events).toEqual([
      'out:prompt> ', 'flush', 'read', 'eof',
      'flush', // setvbuf("no")
      'out:a', 'flush', 'out:b\n', 'flush',
      'out:c', 'out:typed\n', 'flush',
    ]);
  });

  it('writes io.stderr to vm.stderr', () => {
    let err = '';
    const vm = createState({ stdout: () => {}, stderr: (s) => { err += s; } });
    runText(vm, `io.stderr:write('e', 1, '\\n') print(io.stderr:close())`, '=stdin');
    expect(err).toBe('e1\n');
  });
});
