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
