import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  intAdd, intSub, intMul, intIDiv, intMod, intBand, intBor, intBxor, intBnot, intShl, intShr, intNeg,
} from '../../src/vm/arith.js';
import { normInt } from '../../src/vm/value.js';

/** A Lua integer in the VM's representation, from any 64-bit value. */
const luaInt = fc.oneof(
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  fc.integer({ min: -70000, max: 70000 }).map(BigInt),
  fc.constantFrom(0n, 1n, -1n, 2n ** 31n, -(2n ** 31n), 2n ** 32n, 2n ** 53n - 1n, 2n ** 53n, -(2n ** 63n), 2n ** 63n - 1n),
).map((b) => normInt(b));

const big = (v: number | bigint): bigint => BigInt(v);
const wrap = (b: bigint): number | bigint => normInt(BigInt.asIntN(64, b));

/** Reference semantics of Lua 5.4 integer operations, computed with BigInt. */
const ref = {
  shl(a: bigint, n: bigint): bigint {
    if (n <= -64n || n >= 64n) return 0n;
    if (n >= 0n) return BigInt.asIntN(64, a << n);
    return BigInt.asIntN(64, BigInt.asUintN(64, a) >> -n);
  },
  idiv(a: bigint, b: bigint): bigint {
    let q = a / b;
    if (a % b !== 0n && (a < 0n) !== (b < 0n)) q -= 1n;
    return BigInt.asIntN(64, q);
  },
  mod(a: bigint, b: bigint): bigint {
    let r = a % b;
    if (r !== 0n && (r < 0n) !== (b < 0n)) r += b;
    return r;
  },
};

describe('64-bit integer arithmetic matches the reference semantics', () => {
  it('add, sub, mul, neg wrap around modulo 2^64', () => {
    fc.assert(fc.property(luaInt, luaInt, (a, b) => {
      expect(intAdd(a, b)).toBe(wrap(big(a) + big(b)));
      expect(intSub(a, b)).toBe(wrap(big(a) - big(b)));
      expect(intMul(a, b)).toBe(wrap(big(a) * big(b)));
      expect(intNeg(a)).toBe(wrap(-big(a)));
    }), { numRuns: 20000 });
  });

  it('floor division and modulo round towards minus infinity', () => {
    fc.assert(fc.property(luaInt, luaInt, (a, b) => {
      if (big(b) === 0n) return;
      expect(intIDiv(a, b)).toBe(normInt(ref.idiv(big(a), big(b))));
      expect(intMod(a, b)).toBe(normInt(ref.mod(big(a), big(b))));
    }), { numRuns: 20000 });
  });

  it('bitwise operations and logical shifts', () => {
    fc.assert(fc.property(luaInt, luaInt, fc.integer({ min: -80, max: 80 }), (a, b, n) => {
      expect(intBand(a, b)).toBe(wrap(big(a) & big(b)));
      expect(intBor(a, b)).toBe(wrap(big(a) | big(b)));
      expect(intBxor(a, b)).toBe(wrap(big(a) ^ big(b)));
      expect(intBnot(a)).toBe(wrap(~big(a)));
      expect(intShl(a, n)).toBe(normInt(ref.shl(big(a), BigInt(n))));
      expect(intShr(a, n)).toBe(normInt(ref.shl(big(a), BigInt(-n))));
    }), { numRuns: 20000 });
  });

  it('never produces -0 for integers', () => {
    expect(Object.is(intMul(0, -5), 0)).toBe(true);
    expect(Object.is(intMod(-6, 3), 0)).toBe(true);
    expect(Object.is(intIDiv(0, -5), 0)).toBe(true);
    expect(Object.is(intNeg(0), 0)).toBe(true);
  });
});
