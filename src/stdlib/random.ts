/**
 * The pseudo-random generator of math.random (manual §6.7): xoshiro256** (Blackman and
 * Vigna, public domain), on 64-bit words kept as pairs of unsigned 32-bit halves so that
 * drawing a number allocates nothing.
 *
 * State invariant: `s` holds the four 64-bit words w0..w3 as s[2k] = high half of wk,
 * s[2k+1] = low half. The state is never all zero (seeding puts 0xff in w1).
 *
 * Seeding as lua5.4 does it (observed): seed(n1, n2) sets w0 = n1, w1 = 0xff, w2 = n2,
 * w3 = 0 and discards the first 16 outputs. Conversions of an output word r:
 * - float in [0,1): the top 53 bits of r times 2^-53;
 * - integer in [0, n]: r masked to the smallest all-ones mask >= n, drawing again while the
 *   masked value exceeds n (so every value is equally likely);
 * - random(0): r itself, as a signed 64-bit integer.
 */

const TWO32 = 4294967296;

/** The high and low 32-bit halves of n modulo 2^64. */
function halves(n: bigint): [number, number] {
  return [Number(BigInt.asUintN(32, n >> 32n)), Number(BigInt.asUintN(32, n))];
}

export class Xoshiro256 {
  readonly s: Uint32Array;
  /** the last output word, high and low halves (unsigned) */
  hi: number;
  lo: number;

  constructor() {
    this.s = new Uint32Array(8);
    this.hi = 0;
    this.lo = 0;
  }

  /** Seed from two 64-bit integers given as bigints (any sign: taken modulo 2^64). */
  seed(n1: bigint, n2: bigint): void {
    this.s.set([...halves(n1), 0, 0xff, ...halves(n2), 0, 0]);
    for (let i = 0; i < 16; i++) this.next();
  }

  /** Advance the generator; the output word is left in this.hi / this.lo. */
  next(): void {
    const s = this.s;
    const h1 = s[2];
    const l1 = s[3];
    // result = rotl(w1 * 5, 7) * 9
    let lo = l1 * 5;
    let hi = (Math.imul(h1, 5) + Math.floor(lo / TWO32)) >>> 0;
    lo >>>= 0;
    const rh = ((hi << 7) | (lo >>> 25)) >>> 0;
    const rl = ((lo << 7) | (hi >>> 25)) >>> 0;
    lo = rl * 9;
    hi = (Math.imul(rh, 9) + Math.floor(lo / TWO32)) >>> 0;
    this.hi = hi;
    this.lo = lo >>> 0;
    // t = w1 << 17
    const th = ((h1 << 17) | (l1 >>> 15)) >>> 0;
    const tl = (l1 << 17) >>> 0;
    // w2 ^= w0; w3 ^= w1; w1 ^= w2; w0 ^= w3; w2 ^= t; w3 = rotl(w3, 45)
    s[4] ^= s[0];
    s[5] ^= s[1];
    s[6] ^= h1;
    s[7] ^= l1;
    s[2] ^= s[4];
    s[3] ^= s[5];
    s[0] ^= s[6];
    s[1] ^= s[7];
    s[4] ^= th;
    s[5] ^= tl;
    const h3 = s[6];
    const l3 = s[7];
    // rotating left by 45 = swapping the halves, then rotating left by 13
    s[6] = ((l3 << 13) | (h3 >>> 19)) >>> 0;
    s[7] = ((h3 << 13) | (l3 >>> 19)) >>> 0;
  }

  /** The current output as a float in [0, 1) (its top 53 bits). */
  toFloat(): number {
    return (this.hi * 2097152 + (this.lo >>> 11)) * 1.1102230246251565e-16; // 2^21, 2^-53
  }

  /** The current output as an unsigned 64-bit integer (bigint). */
  word(): bigint {
    return (BigInt(this.hi) << 32n) | BigInt(this.lo);
  }

  /** The current output as a signed 64-bit integer (bigint). */
  toInt64(): bigint {
    return BigInt.asIntN(64, this.word());
  }

  /**
   * A uniform integer in [0, n] for 0 <= n < 2^32 (a plain number), from the current output
   * and, when it is rejected, the following ones.
   */
  projectSmall(n: number): number {
    let r = this.lo;
    if ((n & (n + 1)) === 0) return (r & n) >>> 0; // n = 2^b - 1 (n + 1 = 2^32 gives 0 too)
    const lim = 0xffffffff >>> Math.clz32(n); // the smallest all-ones mask >= n
    while ((r = (r & lim) >>> 0) > n) {
      this.next();
      r = this.lo;
    }
    return r;
  }

  /** A uniform integer in [0, n] for any 0 <= n < 2^64 (bigint), like projectSmall. */
  projectBig(n: bigint): bigint {
    let r = this.word();
    let lim = n;
    for (let shift = 1n; shift < 64n; shift *= 2n) lim |= lim >> shift;
    if (lim === n) return r & n;
    while ((r &= lim) > n) {
      this.next();
      r = this.word();
    }
    return r;
  }
}
