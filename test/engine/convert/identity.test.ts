import { describe, expect, it } from 'vitest';
import { toJS, toLua, ConversionError } from '../../../src/engine/convert.js';
import { createState, runText } from '../../../src/engine/runtime.js';
import { LuaTable } from '../../../src/vm/table.js';

describe('identity and cycles', () => {
  it('the same JS object twice becomes the same table twice', () => {
    const shared = { v: 1 };
    const t = toLua({ a: shared, b: shared }) as LuaTable;
    expect(t.getStr('a')).toBe(t.getStr('b'));
  });

  it('a JS cycle becomes a Lua cycle and back', () => {
    const o: Record<string, unknown> = { name: 'root' };
    o.self = o;
    const t = toLua(o) as LuaTable;
    expect(t.getStr('self')).toBe(t);
    const back = toJS(t) as Record<string, unknown>;
    expect(back.self).toBe(back);
  });

  it('the same table twice becomes the same JS object twice', () => {
    const [v] = runText(createState(), 'local s = {1} local t = {s, s, x = s} t.me = t return t', '=t');
    const o = toJS(v) as Record<string, any>;
    expect(o[1]).toBe(o[2]);
    expect(o.x).toBe(o[1]);
    expect(o.me).toBe(o);
  });

  it('rejectCycles refuses cycles but allows sharing', () => {
    const [v] = runText(createState(), 'local s = {} local t = {s, s} return t, setmetatable({}, {}), (function() local c = {} c.c = c return c end)()', '=t');
    expect(() => toJS(v, { rejectCycles: true })).not.toThrow();
    const [, , c] = runText(createState(), 'local c = {} c.c = c return 1, 2, c', '=t');
    expect(() => toJS(c, { rejectCycles: true })).toThrow('value.c: circular reference detected');
    const o: Record<string, unknown> = {};
    o.o = o;
    expect(() => toLua(o, { rejectCycles: true })).toThrow(ConversionError);
  });

  it('maxDepth bounds nesting', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 50; i++) deep = [deep];
    expect(() => toLua(deep, { maxDepth: 10 })).toThrow('maximum depth exceeded');
    expect(() => toLua(deep)).not.toThrow();
  });
});

describe('Lua functions through an engine keep their identity', () => {
  it('a handle given back to Lua is the function it stands for', async () => {
    const { LuaEngine } = await import('../../../src/index.js');
    const e = new LuaEngine({ stdout: () => {} });
    e.runSync('function f(x) return x * 2 end');
    const f = e.get('f') as ((x: number) => number);
    expect(e.get('f')).toBe(f); // one handle per function
    e.set('g', f);
    expect(e.runSync('return g == f, g(21)').values).toEqual([true, 42]);
    // as an argument, inside a table, and as a host function's result
    expect(e.runSync('local a, t = ... return a == f, t.h == f', { args: [f, { h: f }] }).values).toEqual([true, true]);
    e.setGlobal('give', () => f);
    expect(e.runSync('return give() == f').values).toEqual([true]);
    // a plain JS function still becomes a new host function each time it is set
    const js = (x: number) => x;
    e.set('a', js);
    e.set('b', js);
    expect(e.runSync('return type(a), a == f').values).toEqual(['function', false]);
    // another engine's handle is a host function there (it calls into its own engine)
    const other = new LuaEngine({ stdout: () => {} });
    other.set('f2', f);
    expect(other.runSync('return f2(5)').values).toEqual([10]);
  });
});
