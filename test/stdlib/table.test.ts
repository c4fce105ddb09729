// The table library (manual §6.6) against output recorded from lua5.4
// (test/stdlib/table-cases.lua -> table-cases.json by record-table-cases.mjs), plus two
// properties lua5.4 cannot record: sort's worst case.
import { describe, expect, it } from 'vitest';
import { createState, runText } from '../../src/engine/runtime.js';
import { loadCases, runCase } from './table-harness.js';

const { cases } = loadCases('table');

function run(code: string): string {
  let out = '';
  const vm = createState({ stdout: (s) => { out += s; } });
  runText(vm, code, '=stdin');
  return out;
}

describe('table library matches lua5.4', () => {
  it('has the recorded cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(70);
  });
  for (const c of cases) {
    it(c.name, () => {
      const r = runCase(c);
      expect(r.out).toBe(c.out);
      expect(r.err).toBe(c.err);
    });
  }
});

describe('table library beyond lua5.4', () => {
  it('sorts in O(n log n) comparisons against an adversarial comparator', () => {
    // McIlroy's "killer adversary": values are fixed lazily so that every pivot is bad
    const n = 20000;
    const out = run(`
      local n = ${n}
      local GAS = n + 1
      local val, nsolid, candidate, ncmp = {}, 0, nil, 0
      for i = 1, n do val[i] = GAS end
      local function cmp(x, y)
        ncmp = ncmp + 1
        if val[x] == GAS and val[y] == GAS then
          if x == candidate then nsolid = nsolid + 1 val[x] = nsolid else nsolid = nsolid + 1 val[y] = nsolid end
        end
        if val[x] == GAS then candidate = x elseif val[y] == GAS then candidate = y end
        return val[x] < val[y]
      end
      local t = {}
      for i = 1, n do t[i] = i end
      table.sort(t, cmp)
      local ok = true
      for i = 2, n do if val[t[i - 1]] > val[t[i]] then ok = false end end
      print(ok, ncmp)`);
    const [ok, ncmp] = out.trim().split('\t');
    expect(ok).toBe('true');
    expect(Number(ncmp)).toBeLessThan(20 * n * Math.log2(n));
  });
});
