// The converters' fast paths (exact-size arrays, in-place array copies, primitives without
// converter state) give the same values as the general paths.
import { describe, expect, it } from 'vitest';
import { toJS, toLua, ConversionError } from '../../../src/engine/convert.js';
import { createState, runText } from '../../../src/engine/runtime.js';
import { LuaTable } from '../../../src/vm/table.js';
import { LuaFloat } from '../../../src/vm/value.js';

function lua(src: string): unknown {
  return toJS(runText(createState(), src, '=t')[0]);
}

describe('conversion fast paths', () => {
  it('an object with nested tables keeps every field (traversal state is not shared)', () => {
    expect(lua('return { a = { x = 1, y = 2 }, b = { 1, 2 }, c = { d = { e = 3 } }, f = 4 }'))
      .toEqual({ a: { x: 1, y: 2 }, b: [1, 2], c: { d: { e: 3 } }, f: 4 });
    expect(lua('return { { a = {1}, b = {2} }, { a = {3}, b = {4} } }'))
      .toEqual([{ a: [1], b: [2] }, { a: [3], b: [4] }]);
  });

  it('arrays: holes become nil, trailing nils are dropped, subclasses are plain sequences', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holey = toLua([1, , 3]) as LuaTable;
    expect(holey.arr).toEqual([1, undefined, 3]);
    expect(Object.keys(holey.arr)).toEqual(['0', '1', '2']); // dense: no holes in the array part
    expect((toLua([1, undefined, null]) as LuaTable).arr).toEqual([1]);
    class List extends Array<number> {}
    const l = List.from([4, 5]);
    const t = toLua(l) as LuaTable;
    expect(Array.isArray(t.arr) && Object.getPrototypeOf(t.arr)).toBe(Array.prototype);
    expect(t.arr).toEqual([4, 5]);
    expect((toLua([1.5, 2, -0]) as LuaTable).arr).toEqual([1.5, 2, new LuaFloat(-0)]);
  });

  it('objects: undefined fields are left out, non-ASCII keys become UTF-8 bytes', () => {
    const t = toLua({ a: 1, skip: undefined, 'é': 2, b: 3 }) as LuaTable;
    expect(t.hashCount()).toBe(3);
    expect(t.getStr('a')).toBe(1);
    expect(t.getStr('\xc3\xa9')).toBe(2);
    expect(t.getStr('b')).toBe(3);
    expect(t.getStr('skip')).toBe(undefined);
    t.setStr('c', 4); // the table keeps working as an ordinary table
    expect(toJS(t)).toEqual({ a: 1, 'é': 2, b: 3, c: 4 });
  });

  it('primitives convert without a converter, failures still name the path', () => {
    expect(toLua(3)).toBe(3);
    expect(toLua(-0)).toEqual(new LuaFloat(-0));
    expect(toLua(2 ** 60)).toEqual(new LuaFloat(2 ** 60));
    expect(toJS('caf\xc3\xa9')).toBe('café');
    expect(() => toLua({ rows: [{ id: 1 }, { id: Symbol('x') }] }, {}, 'data'))
      .toThrow(new ConversionError('data.rows[1].id', 'cannot convert a symbol'));
  });

  it('objects of the same shape share their key set until one of them changes its keys', () => {
    const rows = toLua([{ a: 1, b: 2 }, { a: 3, b: 4 }, { b: 5, a: 6 }, { a: 7, b: 8 }]) as LuaTable;
    const [r1, r2, r3, r4] = rows.arr as LuaTable[];
    expect(r1.hmap).toBe(r2.hmap);
    expect(r1.hmap).toBe(r4.hmap);
    expect(r3.hmap).not.toBe(r1.hmap); // other key order
    r2.setStr('a', 30); // a value: still shared
    expect(r2.hmap).toBe(r1.hmap);
    r2.setStr('c', 9); // a new key: r2 gets its own
    expect(r2.hmap).not.toBe(r1.hmap);
    expect(r1.getStr('c')).toBe(undefined);
    expect(r4.getStr('c')).toBe(undefined);
    expect([r1.getStr('a'), r2.getStr('a'), r2.getStr('c'), r4.getStr('a')]).toEqual([1, 30, 9, 7]);
    r1.setStr('a', undefined); // a removal leaves the shape alone
    expect(r4.getStr('a')).toBe(7);
    expect(toJS(r1)).toEqual({ b: 2 });
    for (let i = 0; i < 40; i++) r4.setStr(`k${i}`, i); // insertions, renumbering
    for (let i = 0; i < 40; i += 2) r4.setStr(`k${i}`, undefined);
    r4.setStr('z', 1);
    expect(r1.hkeys).toEqual(['a', 'b']);
    expect(toJS(r4)).toMatchObject({ a: 7, b: 8, k1: 1, k39: 39, z: 1 });
    expect((toJS(rows) as object[]).length).toBe(4);
  });

  it('array-like tables share no hash map until a key is added', () => {
    const a = new LuaTable();
    const b = new LuaTable();
    a.setStr('k', 1);
    expect(b.getStr('k')).toBe(undefined);
    expect(b.hmap.size).toBe(0);
    expect(b.hkeys.length + b.hvals.length).toBe(0);
    b.setInt(1, 'x');
    b.set(true, 2);
    expect(b.hkeys).toEqual([true]);
    expect(new LuaTable().hkeys.length).toBe(0);
    expect(a.get(true)).toBe(undefined);
    expect(b.get(true)).toBe(2);
  });
});
