import { describe, expect, it } from 'vitest';
import { toJS, toLua, ConversionError } from '../../../src/engine/convert.js';
import { createState, runText } from '../../../src/engine/runtime.js';

describe('conversion failures name the path', () => {
  it('a thread cannot become a JS value', () => {
    const [v] = runText(createState(), 'return {1, 2, {name = coroutine.create(print)}}', '=t');
    expect(() => toJS(v, {}, 'result')).toThrow(new ConversionError('result[3].name', 'cannot convert a thread'));
  });

  it('symbols and out-of-range bigints cannot become Lua values', () => {
    expect(() => toLua({ list: [1, Symbol('s')] })).toThrow('value.list[1]: cannot convert a symbol');
    expect(() => toLua({ n: 2n ** 64n })).toThrow('value.n: integer out of 64-bit range');
  });

  it('functions need an engine to wrap them', () => {
    expect(() => toLua({ f: () => 1 })).toThrow('value.f: cannot convert a function');
    const [f] = runText(createState(), 'return print', '=t');
    expect(() => toJS(f)).toThrow('value: cannot convert a function');
  });

  it('a Map key that is nil or NaN is rejected, not dropped', () => {
    expect(() => toLua(new Map([[NaN, 1]]))).toThrow('nil or NaN cannot be a table key');
  });
});
