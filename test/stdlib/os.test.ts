// The os library (manual §6.9) against output recorded from lua5.4
// (test/stdlib/os-cases.lua -> os-cases.json by record-os-cases.mjs).
import { describe, expect, it } from 'vitest';
import { loadCases, runCase } from './table-harness.js';

const { cases } = loadCases('os');

describe('os library matches lua5.4', () => {
  it('has the recorded cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });
  for (const c of cases) {
    it(c.name, () => {
      const r = runCase(c);
      expect(r.out).toBe(c.out);
      expect(r.err).toBe(c.err);
    });
  }
});
