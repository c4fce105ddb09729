import { describe, expect, it } from 'vitest';
import { toJS, toLua } from '../../../src/engine/convert.js';
import { createState, runText } from '../../../src/engine/runtime.js';
import { LuaTable } from '../../../src/vm/table.js';

function lua(src: string, opts = {}): unknown {
  return toJS(runText(createState(), src, '=t')[0], opts);
}

describe('tables', () => {
  it('arrays become sequences and back', () => {
    const t = toLua([1, 'two', [3]]) as LuaTable;
    expect(t.length()).toBe(3);
    expect(toJS(t)).toEqual([1, 'two', [3]]);
    expect(lua('return {10, 20, 30}')).toEqual([10, 20, 30]);
  });

  it('plain objects become string-keyed tables and back', () => {
    expect(toJS(toLua({ a: 1, b: { c: true } }))).toEqual({ a: 1, b: { c: true } });
    expect(lua('return {x = 1, [2] = "two"}')).toEqual({ x: 1, 2: 'two' });
  });

  it('tables with other keys become Maps; maps: true asks for Maps', () => {
    const m = lua('return {[true] = 1, [1.5] = 2}') as Map<unknown, unknown>;
    expect(m).toBeInstanceOf(Map);
    expect(m.get(true)).toBe(1);
    expect(m.get(1.5)).toBe(2);
    expect(lua('return {a = 1}', { maps: true })).toEqual(new Map([['a', 1]]));
    // sequences stay arrays
    expect(lua('return {1, 2, {3}}', { maps: true })).toEqual([1, 2, [3]]);
    expect(lua('return {1, 2, x = 3}', { maps: true })).toEqual(new Map<unknown, unknown>([[1, 1], [2, 2], ['x', 3]]));
  });

  it('Map and Set become tables', () => {
    const vm = createState();
    vm.globals.setStr('m', toLua(new Map<unknown, unknown>([[1, 'a'], ['k', 'b'], [true, 'c']])));
    vm.globals.setStr('s', toLua(new Set(['x', 'y'])));
    expect(runText(vm, 'return m[1], m.k, m[true], s.x, s.y, s.z', '=t').map((v) => toJS(v))).toEqual(['a', 'b', 'c', true, true, undefined]);
  });

  it('empty tables are objects by default, arrays when configured', () => {
    expect(lua('return {}')).toEqual({});
    expect(lua('return {}', { emptyTable: 'array' })).toEqual([]);
  });

  it('holes: a table with holes is not an array', () => {
    expect(lua('return {1, nil, 3, n = 3}')).toEqual({ 1: 1, 3: 3, n: 3 });
  });

  it('a key named __proto__ stays an own property', () => {
    const o = lua('return {__proto__ = 1}') as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(o, '__proto__')?.value).toBe(1);
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
  });

  it('converts a 10 000-row array of small objects each way quickly', () => {
    const rows = Array.from({ length: 10000 }, (_, i) => ({ id: i, name: `row ${i}`, ok: i % 2 === 0 }));
    const t0 = performance.now();
    const lt = toLua(rows);
    const back = toJS(lt) as typeof rows;
    const ms = performance.now() - t0;
    expect(back[9999]).toEqual({ id: 9999, name: 'row 9999', ok: false });
    expect(ms).toBeLessThan(1000); // the tight figure is measured by npm run bench
  });
});
