// The utf8 library (manual §6.5) against output recorded from lua5.4
// (test/stdlib/utf8-cases.lua -> utf8-cases.json by record-utf8-cases.mjs).
import { describe, expect, it } from 'vitest';
import { loadCases, runCase } from './table-harness.js';

const { cases } = loadCases('utf8');

describe('utf8 library matches lua5.4', () => {
  it('has the recorded cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });
  for (const c of cases) {
    it(c.name, () => {
      const r = runCase(c);
      expect(r.out).toBe(c.out);
      expect(r.err).toBe(c.err);
    });
  }
});
