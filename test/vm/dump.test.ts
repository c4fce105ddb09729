import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compileText } from '../../src/stdlib/load.js';
import { dumpProto, undumpProto, BadChunk } from '../../src/vm/dump.js';
import { Proto } from '../../src/vm/proto.js';
import { createState, runText } from '../../src/engine/runtime.js';

function luaFiles(dir: string, acc: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const f = path.join(dir, e);
    if (statSync(f).isDirectory()) luaFiles(f, acc);
    else if (f.endsWith('.lua')) acc.push(f);
  }
  return acc;
}

const root = path.resolve(__dirname, '../..');
const programs = [...luaFiles(path.join(root, 'spec')), ...luaFiles(path.join(root, 'bench/programs'))];

describe('binary chunks', () => {
  it('every spec and benchmark program survives dump -> undump (verified) -> dump', () => {
    let n = 0;
    for (const f of programs) {
      const p = compileText(readFileSync(f).toString('latin1'), '@' + path.basename(f));
      if (typeof p === 'string') continue; // programs that test syntax errors
      for (const strip of [false, true]) {
        const bytes = dumpProto(p, strip);
        const back = undumpProto(bytes, '=x');
        expect(dumpProto(back, strip)).toBe(bytes);
      }
      n++;
    }
    expect(n).toBeGreaterThan(300);
  });

  it('a dumped function runs the same after loading', () => {
    const out: string[] = [];
    const vm = createState({ stdout: (s) => out.push(s) });
    runText(vm, `
      local function f(a, ...) local t = {...} return a + #t, select('#', ...), 2.5, "s", 1 << 62, 1.0 end
      local g = load(string.dump(f), "f", "b")
      print(g(1, 2, 3))
      print(load(string.dump(f, true), "f", "b")(10))
      print(pcall(load, "\\27Lua junk", "x", "b"))
      print(load("\\27Luajunk", "x", "b"))
      print(load(string.dump(f), "x", "t"))
    `, '=test');
    expect(out.join('')).toBe(
      '3\t2\t2.5\ts\t4611686018427387904\t1.0\n' +
      '10\t0\t2.5\ts\t4611686018427387904\t1.0\n' +
      // checked in the order of lundump.c checkHeader (the byte after "\27Lua" is the version)
      'true\tnil\tx: bad binary format (version mismatch)\n' +
      'nil\tx: bad binary format (version mismatch)\n' +
      "nil\tattempt to load a binary chunk (mode is 't')\n");
  });

  it('truncated or corrupted chunks never crash: they raise BadChunk', () => {
    const p = compileText('local t = {} for i = 1, 10 do t[i] = function() return i end end return t[3]()', '=x') as Proto;
    const bytes = dumpProto(p, false);
    let rejected = 0;
    for (let cut = 0; cut < bytes.length; cut++) {
      expect(() => undumpProto(bytes.slice(0, cut), '=x')).toThrow(BadChunk);
    }
    // flip every byte to several values: either rejected, or a chunk that verifies
    for (let i = 12; i < bytes.length; i++) {
      for (const v of [0, 1, 0x7f, 0x80, 0xff]) {
        const b = bytes.slice(0, i) + String.fromCharCode(v) + bytes.slice(i + 1);
        try {
          undumpProto(b, '=x');
        } catch (e) {
          expect(e).toBeInstanceOf(BadChunk);
          rejected++;
        }
      }
    }
    expect(rejected).toBeGreaterThan(0);
  });
});
