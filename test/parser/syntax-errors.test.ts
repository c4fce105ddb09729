// Every expected message here was recorded from lua5.4 by scripts/record-syntax-fixtures.mjs
// (`load(source, name)` from a main chunk: cLevel 2, or under pcall: cLevel 3).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LuaSyntaxError } from '../../src/lexer/errors.js';
import { parse } from '../../src/parser/parser.js';

interface Case { name: string; source: string; cLevel: number; error: string | null }

const cases = JSON.parse(
  readFileSync(new URL('./syntax-errors.json', import.meta.url), 'utf8'),
) as Case[];

function outcome(c: Case): string | null {
  try {
    parse(c.source, c.name, { cLevel: c.cLevel });
    return null;
  } catch (e) {
    if (e instanceof LuaSyntaxError) return e.msg;
    throw e;
  }
}

describe('syntax errors match lua5.4', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(1000);
  });
  // one test per group keeps the report readable; the failure lists every mismatch
  const groups = new Map<string, Case[]>();
  for (const c of cases) {
    const g = c.name.replace(/\d*p?$/, '');
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(c);
  }
  for (const [g, list] of groups) {
    it(`${JSON.stringify(g)} (${list.length} cases)`, () => {
      const bad: string[] = [];
      for (const c of list) {
        const got = outcome(c);
        if (got !== c.error) {
          bad.push(`${JSON.stringify(c.source.length > 200 ? c.source.slice(0, 200) + '...' : c.source)}\n` +
            `   expected ${JSON.stringify(c.error)}\n   got      ${JSON.stringify(got)}`);
        }
      }
      expect(bad.slice(0, 20).join('\n')).toBe('');
    });
  }
});
