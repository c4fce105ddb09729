import { describe, expect, it } from 'vitest';
import { toJS, toLua, ConversionError } from '../../../src/engine/convert.js';
import { LuaFloat } from '../../../src/vm/value.js';
import { createState, runText } from '../../../src/engine/runtime.js';

/** Run Lua and return its results converted to JS. */
function lua(src: string): unknown[] {
  const vm = createState();
  return runText(vm, src, '=test').map((v) => toJS(v));
}

describe('numbers: JS -> Lua', () => {
  it('safe integers become Lua integers, other numbers floats', () => {
    expect(toLua(42)).toBe(42);
    expect(toLua(-9007199254740991)).toBe(-9007199254740991);
    expect(toLua(1.5)).toBe(1.5);
    expect(toLua(2 ** 53)).toEqual(new LuaFloat(2 ** 53)); // beyond the safe range: a float
    expect(toLua(-0)).toEqual(new LuaFloat(-0));
    expect(Number.isNaN(toLua(NaN))).toBe(true);
    expect(toLua(Infinity)).toBe(Infinity);
  });

  it('bigints become integers; outside 64 bits they fail', () => {
    expect(toLua(9223372036854775807n)).toBe(9223372036854775807n);
    expect(toLua(-9223372036854775808n)).toBe(-9223372036854775808n);
    expect(toLua(5n)).toBe(5);
    expect(() => toLua(2n ** 63n)).toThrow(ConversionError);
    expect(() => toLua(2n ** 63n)).toThrow('value: integer out of 64-bit range');
  });

  it('Lua sees the integer/float distinction', () => {
    const vm = createState();
    vm.globals.setStr('a', toLua(3));
    vm.globals.setStr('b', toLua(3.5));
    vm.globals.setStr('c', toLua(2 ** 60));
    vm.globals.setStr('d', toLua(2n ** 60n));
    const r = runText(vm, 'return math.type(a), math.type(b), math.type(c), math.type(d), d + 1', '=t');
    expect(r.map((v) => toJS(v))).toEqual(['integer', 'float', 'float', 'integer', 2n ** 60n + 1n]);
  });
});

describe('numbers: Lua -> JS', () => {
  it('64-bit edge values never lose precision', () => {
    expect(lua('return math.maxinteger, math.mininteger, 2^53, 2^53 + 1, (2^53|0) + 1, 9007199254740991')).toEqual([
      9223372036854775807n, -9223372036854775808n, 2 ** 53, 2 ** 53, 9007199254740993n, 9007199254740991,
    ]);
  });

  it('floats become numbers, including integral ones, -0, inf and nan', () => {
    const [a, b, c, d, e] = lua('return 1.0, -0.0, 1/0, 0/0, 0.1') as number[];
    expect(a).toBe(1);
    expect(Object.is(b, -0)).toBe(true);
    expect(c).toBe(Infinity);
    expect(Number.isNaN(d)).toBe(true);
    expect(e).toBe(0.1);
  });
});
