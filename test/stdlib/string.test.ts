// The string library (manual §6.4) against output recorded from lua5.4: the cases of
// test/stdlib/string-<part>-cases.lua, recorded into string-<part>-cases.json by
// record-string-cases.mjs (no expected output in this file is typed by hand), plus checks
// that need no recording (subjects too big for the reference's quadratic or recursive paths).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createState, runText } from '../../src/engine/runtime.js';
import { LuaError } from '../../src/vm/errors.js';

interface Case {
  name: string;
  yields: boolean;
  code: string;
  out: string;
  err: string | null;
}

const PARTS = ['basic', 'pattern', 'format', 'pack'];

/**
 * Cases that fail for reasons outside the string library, with the reason. They must still
 * fail (it.fails): remove an entry once its cause is fixed.
 */
const KNOWN_FAILURES: Record<string, string> = {};

function load(part: string): Case[] {
  return (JSON.parse(readFileSync(new URL(`./string-${part}-cases.json`, import.meta.url), 'utf8')) as { cases: Case[] }).cases;
}

/** The cases of a case file as the recorder cuts them (prelude + case lines), to catch
 *  recordings that are out of date. */
function caseFile(part: string): { name: string; code: string }[] {
  const text = readFileSync(new URL(`./string-${part}-cases.lua`, import.meta.url), 'latin1');
  const cases: { name: string; lines: string[] }[] = [];
  const prelude: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^-- case: (.*)$/.exec(line);
    if (m) cases.push({ name: m[1].trim(), lines: [...prelude] });
    else if (cases.length === 0) prelude.push(line);
    else cases[cases.length - 1].lines.push(line);
  }
  return cases.map((c) => ({ name: c.name, code: c.lines.join('\n').replace(/\n+$/, '') + '\n' }));
}

function run(code: string): { out: string; err: string | null } {
  let out = '';
  const vm = createState({ stdout: (s) => { out += s; } });
  let err: string | null = null;
  try {
    runText(vm, code, '=stdin');
  } catch (e) {
    if (!(e instanceof LuaError)) throw e;
    err = e.message.split('\n')[0];
  }
  return { out, err };
}

/** Addresses (tostring of tables, %p) differ between runs: 0x and 12 hex digits. */
const maskAddr = (s: string): string => s.replace(/0x[0-9a-f]{12}\b/g, '0xADDR');

/** The lines that differ, for a readable failure. */
function diff(got: string, want: string): string {
  const g = got.split('\n');
  const w = want.split('\n');
  const bad: string[] = [];
  for (let i = 0; i < Math.max(g.length, w.length) && bad.length < 8; i++) {
    if (g[i] !== w[i]) bad.push(`line ${i + 1}:\n  got  ${JSON.stringify(g[i])}\n  want ${JSON.stringify(w[i])}`);
  }
  return bad.join('\n');
}

for (const part of PARTS) {
  const cases = load(part);
  describe(`string ${part} (lua5.4 recordings)`, () => {
    it('recordings are up to date with the case file', () => {
      expect(cases.map((c) => ({ name: c.name, code: c.code }))).toEqual(caseFile(part));
    });
    for (const c of cases) {
      const test = c.name in KNOWN_FAILURES ? it.fails : it;
      test(c.name, () => {
        const r = run(c.code);
        const got = maskAddr(r.out);
        const want = maskAddr(c.out);
        if (got !== want) expect.fail(diff(got, want));
        expect(r.err).toBe(c.err);
      });
    }
  });
}

describe('string library beyond what the reference does in reasonable time', () => {
  const recorded = (name: string): string[] => load('pattern').find((c) => c.name === name)!.out.split('\n');
  const time = (code: string): { out: string; ms: number } => {
    const t0 = Date.now();
    const r = run(code);
    if (r.err !== null) throw new Error(r.err);
    return { out: r.out, ms: Date.now() - t0 };
  };

  it('scans a million characters for .-b in linear time (lua5.4 is quadratic: 1e4 recorded)', () => {
    const r = time("print(string.find(string.rep('a', 1e6), '.-b'))");
    expect(r.out).toBe(recorded('lazy scan without a match')[0] + '\n');
    expect(r.ms).toBeLessThan(5000);
  });

  it('matches (.-)$ over a million characters', () => {
    const r = time("print(#('a'):rep(1e6):match('(.-)$'))");
    expect(r.out).toBe(recorded('lazy scan without a match')[1].replace('100000', '1000000') + '\n');
  });

  // moonbox's own limit (MAXSTRLEN, the host's longest string): lua5.4 would build these
  it('refuses string.rep results beyond the host string limit without building them', () => {
    const r = time(`
      print(pcall(string.rep, 'x', 2^29))
      print(pcall(string.rep, 'abc', 2^28, ','))
      print(#string.rep('', 2^40), #string.rep('', 2^40, ''))
    `);
    expect(r.out).toBe('false\tresulting string too large\nfalse\tresulting string too large\n0\t0\n');
    expect(r.ms).toBeLessThan(1000);
  });
});
