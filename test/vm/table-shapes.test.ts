import { describe, expect, it } from 'vitest';
import { createState, runText } from '../../src/engine/runtime.js';
import { enableTier } from '../../src/vm/jit.js';
import { LuaTable } from '../../src/vm/table.js';

enableTier();

/**
 * Tables built by the same field stores share their keys and Map (LuaTable.setField): the
 * shared part is never written through one of them, and each keeps its own values.
 */
function build(jit: boolean): LuaTable[] {
  const vm = createState();
  vm.jitEnabled = jit;
  const [list] = runText(vm, `
    local list = {}
    for i = 1, 3000 do list[i] = { id = i, name = "n" .. i, score = i % 7 } end
    return list`, '=shapes');
  const arr = (list as LuaTable).arr as LuaTable[];
  return [arr[0], arr[1], arr[2999]];
}

describe('shared table layouts', () => {
  for (const jit of [false, true]) {
    it(`tables of one constructor share keys and Map, not values (tier ${jit ? 'on' : 'off'})`, () => {
      const [a, b, c] = build(jit);
      expect(b.hkeys).toBe(a.hkeys);
      expect(c.hkeys).toBe(a.hkeys);
      expect(c.hmap).toBe(a.hmap);
      expect(a.hkeys).toEqual(['id', 'name', 'score']);
      expect(c.hvals).toEqual([3000, 'n3000', 3000 % 7]);
      expect(c.hvals).not.toBe(a.hvals);
      // a key added to one of them: it gets a copy, the others keep the shared one
      c.setStr('extra', 1);
      expect(c.hkeys).not.toBe(a.hkeys);
      expect(a.hkeys).toEqual(['id', 'name', 'score']);
      expect(b.hmap.has('extra')).toBe(false);
      expect(c.getStr('extra')).toBe(1);
    });
  }
});
