// The math library (manual §6.7) against output recorded from lua5.4
// (test/stdlib/math-cases.lua -> math-cases.json by record-math-cases.mjs).
import { describe, expect, it } from 'vitest';
import { loadCases, runCase } from './table-harness.js';

const { cases } = loadCases('math');

describe('math library matches lua5.4', () => {
  it('has the recorded cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });
  for (const c of cases) {
    it(c.name, () => {
      const r = runCase(c);
      expect(r.out).toBe(c.out);
      expect(r.err).toBe(c.err);
    });
  }
});
