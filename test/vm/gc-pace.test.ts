import { describe, expect, it } from 'vitest';
import { createState, runText } from '../../src/engine/runtime.js';
import { fullCollection } from '../../src/vm/gc.js';

/**
 * The pace of automatic collections (src/vm/interp.ts autoCollect): a program with nothing
 * a collection could show it (no weak table, no finalizer, no memory limit) gets them less
 * and less often; weak tables and finalizers keep the usual pace, and keep working.
 */
const CHURN = 'for i = 1, 300000 do local t = { i, tostring(i) } end';

describe('automatic collection pace', () => {
  it('slows down up to 16x while a collection finds nothing observable', () => {
    const vm = createState();
    runText(vm, CHURN, '=churn');
    expect(vm.gcquiet).toBe(16);
    // an explicit collection still measures the live heap exactly
    const [before] = runText(vm, 'collectgarbage() return collectgarbage("count")', '=c');
    runText(vm, 'local keep = {} for i = 1, 1000 do keep[i] = {} end _G.keep = keep collectgarbage()', '=k');
    const [after] = runText(vm, 'return collectgarbage("count")', '=c');
    expect((after as number) - (before as number)).toBeGreaterThan(1000 * 56 / 1024);
  });

  it('a quiet collection counts a string at each reference, an exact one once', () => {
    const vm = createState();
    // 100000 references to one 40-byte string
    runText(vm, 'local s = ("x"):rep(40) KEEP = {} for i = 1, 100000 do KEEP[i] = s end', '=refs');
    const exact = fullCollection(vm);
    const perRef = fullCollection(vm, false);
    // (and a few more: library strings that are also table keys or constants elsewhere)
    expect(perRef - exact).toBeGreaterThanOrEqual(99999 * (24 + 40));
    expect(perRef - exact).toBeLessThan(99999 * (24 + 40) + 16 * 1024);
    expect(fullCollection(vm)).toBe(exact);
  });

  it('weak tables keep the usual pace and are cleared by automatic collections', () => {
    const vm = createState();
    const [left] = runText(vm, `
      local cache = setmetatable({}, { __mode = "k" })
      for i = 1, 1000 do cache[{}] = i end
      ${CHURN}
      local n = 0 for _ in pairs(cache) do n = n + 1 end
      return n`, '=weak');
    expect(left).toBe(0);
    expect(vm.gcquiet).toBe(1);
  });

  it('objects with a finalizer keep the usual pace, and finalizers run automatically', () => {
    const vm = createState();
    const [ran] = runText(vm, `
      local ran = 0
      -- one that stays alive (its finalizer pending all along) and a hundred that die
      KEEP = setmetatable({}, { __gc = function() end })
      for i = 1, 100 do setmetatable({}, { __gc = function() ran = ran + 1 end }) end
      ${CHURN}
      return ran`, '=fin');
    expect(ran).toBe(100);
    expect(vm.gcquiet).toBe(1);
  });

  it('a memory limit keeps the usual pace (the limit reads the accounted heap)', () => {
    const vm = createState();
    vm.memoryLimit = 512 * 1024 * 1024;
    runText(vm, CHURN, '=limited');
    expect(vm.gcquiet).toBe(1);
  });
});

describe('memory accounting between states', () => {
  it('charges what a table grew by to the state that grew it, not to the next state to run', () => {
    const a = createState();
    const b = createState();
    // (b runs past the end of a slice, where table growth is taken into account)
    const count = (): number =>
      runText(b, 'local x = 0 for i = 1, 20000 do x = x + i end return collectgarbage("count")', '=count')[0] as number;
    count();
    const before = count();
    // a's table grows by 5000 fields, the last of them after a's last slice ended
    runText(a, 'local t = {} for i = 1, 5000 do t["k" .. i] = i end KEEP = t', '=grow');
    expect(count() - before).toBe(0);
    const [inA] = runText(a, 'return collectgarbage("count")', '=count') as number[];
    expect(inA).toBeGreaterThan(5000 * 32 / 1024);
  });
});
