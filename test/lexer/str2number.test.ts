import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { str2number, str2numberRange } from '../../src/util/str2number.js';

// [input, null | ["int", decimal] | ["flt", %.17g]] recorded from lua5.4's tonumber by
// scripts/record-syntax-fixtures.mjs
const cases = JSON.parse(
  readFileSync(new URL('./str2number.json', import.meta.url), 'utf8'),
) as [string, null | ['int' | 'flt', string]][];

function describeResult(r: ReturnType<typeof str2number>): string {
  if (r === null) return 'nil';
  if (r.isInt) {
    const safe = typeof r.value === 'number';
    // representation invariant: safe integers are numbers, others bigints
    if (safe !== (r.value >= -9007199254740991 && r.value <= 9007199254740991)) return 'BAD REPRESENTATION';
    if (Object.is(r.value, -0)) return 'BAD -0';
    return 'int ' + String(r.value);
  }
  if (typeof r.value !== 'number') return 'BAD FLOAT';
  const v = r.value;
  return 'flt ' + (Object.is(v, -0) ? '-0' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : String(v));
}

function expected(e: null | ['int' | 'flt', string]): string {
  if (e === null) return 'nil';
  if (e[0] === 'int') return 'int ' + e[1];
  const s = e[1];
  if (s === 'inf' || s === '-inf' || s === '-0') return 'flt ' + s;
  return 'flt ' + String(Number(s)); // %.17g reads back to the exact double
}

describe('str2number', () => {
  it('agrees with lua5.4 tonumber on every recorded input', () => {
    const bad: string[] = [];
    for (const [input, e] of cases) {
      const got = describeResult(str2number(input));
      const want = expected(e);
      if (got !== want) bad.push(`${JSON.stringify(input)}: want ${want}, got ${got}`);
    }
    expect(bad.slice(0, 30)).toEqual([]);
    expect(cases.length).toBeGreaterThan(3000);
  });

  it('classifies the usual forms', () => {
    expect(str2number('42')).toEqual({ isInt: true, value: 42 });
    expect(str2number(' -0x10 ')).toEqual({ isInt: true, value: -16 });
    expect(str2number('0xffffffffffffffff')).toEqual({ isInt: true, value: -1 });
    expect(str2number('0x7fffffffffffffff')).toEqual({ isInt: true, value: 9223372036854775807n });
    expect(str2number('-9223372036854775808')).toEqual({ isInt: true, value: -9223372036854775808n });
    expect(str2number('9223372036854775808')).toEqual({ isInt: false, value: 9223372036854775808 });
    expect(str2number('-0')).toEqual({ isInt: true, value: 0 });
    expect(Object.is(str2number('-0.0')!.value, -0)).toBe(true);
    expect(str2number('1e')).toBeNull();
    expect(str2number('inf')).toBeNull();
    expect(str2number('nan')).toBeNull();
    expect(str2number('0x')).toBeNull();
    expect(str2number('1 2')).toBeNull();
    expect(str2number('')).toBeNull();
  });

  it('converts a range in place', () => {
    expect(str2numberRange('x=123+4', 2, 5)).toEqual({ isInt: true, value: 123 });
    expect(str2numberRange('x=0x1p4;', 2, 7)).toEqual({ isInt: false, value: 16 });
  });

  it('reads back every safe integer exactly', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => {
      const r = str2number(String(n));
      expect(r).toEqual({ isInt: true, value: n === 0 ? 0 : n });
    }));
  });

  it('reads back 64-bit integers, decimal and hexadecimal', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }), (b) => {
      const norm = (v: bigint) => (v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v);
      expect(str2number(b.toString())).toEqual({ isInt: true, value: norm(b) });
      const hex = BigInt.asUintN(64, b).toString(16);
      expect(str2number('0x' + hex)).toEqual({ isInt: true, value: norm(b) });
    }));
  });

  it('reads back every double from its shortest decimal form (correct rounding)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
      let text = Number.isInteger(d) && Math.abs(d) < 1e21 ? d.toFixed(1) : String(d);
      if (Object.is(d, -0)) text = '-0.0';
      const r = str2number(text);
      expect(r).not.toBeNull();
      expect(r!.isInt).toBe(false);
      expect(Object.is(r!.value, d)).toBe(true);
    }), { numRuns: 3000 });
  });

  it('reads back every double from an exact hexadecimal form (correct rounding)', () => {
    const view = new DataView(new ArrayBuffer(8));
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: 0 }), fc.nat(8), (d, pad) => {
      // d = mantissa * 2^exp with an integer mantissa: write it as 0x<mantissa>p<exp>,
      // padded with zero hex digits so that long mantissas take the slow path too
      view.setFloat64(0, d);
      const bits = view.getBigUint64(0);
      const e = Number((bits >> 52n) & 0x7ffn);
      let mant = bits & ((1n << 52n) - 1n);
      let exp: number;
      if (e === 0) exp = -1074;
      else {
        mant |= 1n << 52n;
        exp = e - 1075;
      }
      const text = '0x' + mant.toString(16) + '0'.repeat(pad) + 'p' + (exp - 4 * pad);
      const r = str2number(text);
      expect(Object.is(r!.value, d)).toBe(true);
    }), { numRuns: 3000 });
  });
});
