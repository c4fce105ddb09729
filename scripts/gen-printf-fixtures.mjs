#!/usr/bin/env node
// Records test/util/printf-fixtures.json from the real C library and lua5.4.
//
//   node scripts/gen-printf-fixtures.mjs [--seed N]
//
// Needs gcc (compiles scripts/gen-printf-fixtures.c, a printf oracle) and
// lua5.4 on PATH. Expected strings are never typed by hand: every "out" in the
// fixture is what glibc's printf / lua5.4's tostring printed for that input.
//
// Fixture layout (all doubles as 16 hex digits of their IEEE-754 bits, so NaN
// signs and payloads survive):
//   float:    [conv, flags, width, precision, bits, out]   C printf("%<flags><width>.<precision><conv>", d)
//   int:      [conv, flags, width, precision, value, out]  C printf("%...ll<conv>", (long long)value); value in decimal
//   tostring: [bits, out]                                  lua5.4 print(x) for the float x
// width 0 = no width, precision -1 = no precision. Outputs are byte strings
// (char codes 0..255).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const outFile = join(root, 'test/util/printf-fixtures.json');

const seedArg = process.argv.indexOf('--seed');
let seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) >>> 0 : 0x5eed1234;

const N_FLOAT = 6000;
const N_INT = 3000;
const N_TOSTRING = 20000;

// --- deterministic PRNG (mulberry32) ---------------------------------------
function rnd32() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}
const rint = (lo, hi) => lo + (rnd32() % (hi - lo + 1)); // inclusive, small ranges
const pick = (arr) => arr[rnd32() % arr.length];
const chance = (p) => rnd32() / 4294967296 < p;

// --- doubles as bits ---------------------------------------------------------
const view = new DataView(new ArrayBuffer(8));
function bitsOf(x) {
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}
function fromParts(sign, biasedExp, mantHi20, mantLo32) {
  const hi = ((sign << 31) | (biasedExp << 20) | mantHi20) >>> 0;
  return hi.toString(16).padStart(8, '0') + (mantLo32 >>> 0).toString(16).padStart(8, '0');
}

const SPECIAL = [
  0, -0, Infinity, -Infinity, 1, -1, 0.5, 1.5, 2.5, 3.5, 9.5, 0.125, 0.375, 0.625, 0.05, 0.15, 0.25,
  0.35, 0.45, 0.1, 0.2, 0.3, 0.7, 1 / 3, 2 / 3, Math.PI, Math.E, 1e22, 1e23, 1e21, 1e15, 1e16, 1e17,
  5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308, 4.4501477170144023e-308,
  1.7976931348623157e308, 8.98846567431158e307, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 2 ** 64, -(2 ** 63),
  1e100, 1e300, 1e-300, 1e-5, 1e-4, 9.9999e-5, 0.0001, 0.00009999995, 999999.5, 999999.4,
  9.9999995, 99.5, 0.95, 0.995, 123456.5, 1234567.5, 123456789012345, 12345678901234.5,
  100000000000005, 99999999999999.5, 1e14, 1e-14, 4.35, 0.045, 1.005, 2.675, 1e-7, 1e-6,
  1.03125, 1.09375, 1.96875, 2 - 2 ** -52, 1 + 2 ** -49, 2 - 2 ** -49, // 0x1.08p0 0x1.18p0 0x1.f8p0 ... (%a ties)
];
// NaNs: default x86 NaN (sign set), its negation, quiet NaNs with payloads, a signalling NaN
const SPECIAL_BITS = [
  ...SPECIAL.map(bitsOf),
  'fff8000000000000', '7ff8000000000000', '7ff8000000000001', 'fff0000000000001', '7ff4000000000000',
  '000fffffffffffff', '0000000000000001', '8000000000000001', '0008000000000000', '000ffffffffffff8',
  '0000000000000800', '0000000000000808', '7fefffffffffffff',
];

function randomDouble() {
  const r = rnd32() % 100;
  if (r < 20) return rnd32().toString(16).padStart(8, '0') + rnd32().toString(16).padStart(8, '0'); // any bits
  if (r < 45) {
    // normal, moderate exponent: what %f / %e / %g mostly see
    return fromParts(rnd32() & 1, 1023 + rint(-70, 70), rnd32() & 0xfffff, rnd32());
  }
  if (r < 52) {
    // subnormal, sometimes with few bits set
    const hi = chance(0.5) ? rnd32() & 0xfffff : 0;
    const lo = chance(0.3) ? rint(1, 4096) : rnd32();
    return fromParts(rnd32() & 1, 0, hi, lo);
  }
  if (r < 58) return bitsOf((chance(0.2) ? -1 : 1) * 2 ** rint(-1074, 1023)); // powers of two
  if (r < 75) {
    // short decimals: 0.1, 123.456, 2.5e-7 ...
    const m = rint(1, chance(0.5) ? 999 : 9999999);
    const e = rint(-12, 12);
    const x = e < 0 ? m / 10 ** -e : m * 10 ** e;
    return bitsOf(chance(0.2) ? -x : x);
  }
  if (r < 88) {
    // binary ties: odd / 2^j, exactly halfway at some decimal digit
    const j = rint(1, 12);
    const x = (2 * rint(0, 200000) + 1) / 2 ** j;
    return bitsOf(chance(0.2) ? -x : x);
  }
  if (r < 94) {
    // hex ties for %a: a 1 bit followed by zeros at a nibble boundary
    const nib = rint(0, 12);
    const bitsBelow = 4 * (13 - nib) - 1; // position of the halfway bit
    let mant = 0n;
    for (let i = 52; i > bitsBelow; i--) mant |= BigInt(rnd32() & 1) << BigInt(i - 1);
    mant |= 1n << BigInt(bitsBelow);
    mant &= (1n << 52n) - 1n;
    const be = BigInt(1023 + rint(-20, 20));
    return ((be << 52n) | mant).toString(16).padStart(16, '0');
  }
  return pick(SPECIAL_BITS);
}

function randomFlags(set) {
  let f = '';
  for (const c of set) if (chance(0.3)) f += c;
  // random order (Fisher-Yates); occasionally a repeated flag
  const a = [...f];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rnd32() % (i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  f = a.join('');
  if (f && chance(0.05)) f += f[0];
  return f;
}
function randomWidth() {
  return chance(0.4) ? 0 : rint(1, 30);
}
function randomPrecision() {
  const r = rnd32() % 100;
  if (r < 25) return -1;
  if (r < 70) return rint(0, 20);
  if (r < 90) return rint(21, 60);
  if (r < 98) return rint(61, 99);
  return rint(100, 130);
}

// --- cases -------------------------------------------------------------------
const floatCases = [];
const FCONV = ['e', 'E', 'f', 'F', 'g', 'G', 'a', 'A'];
// every special value with every conversion at default settings, then random ones
for (const bits of SPECIAL_BITS) for (const conv of FCONV) floatCases.push([conv, '', 0, -1, bits]);
// every flag subset on a few values
const FLAGSETS = [];
for (let m = 0; m < 32; m++) FLAGSETS.push([...'-+ #0'].filter((_, i) => m & (1 << i)).join(''));
for (const x of [1.5, -0.0001234, 0, 1e300, 123456789, -2.5]) {
  for (const flags of FLAGSETS) floatCases.push([pick(FCONV), flags, rint(0, 25), pick([-1, 0, 3, 10]), bitsOf(x)]);
}
// %g around digit carries (999999.5 -> 1e+06), where glibc's "#" output has a quirk
const nextDown = (x) => {
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) - 1n);
  return view.getFloat64(0);
};
for (let k = -7; k <= 23; k += 2) {
  for (const P of [0, 1, 2, 3, 6, 10, 14, 17]) {
    const p10 = Number('1e' + k);
    for (const x of [p10, nextDown(p10), Number('9.5e' + (k - 1)), p10 * (1 - 0.5 * 10 ** -Math.max(P, 1))]) {
      const flags = pick(['#', '#', '', '#0', '-#']);
      floatCases.push([pick(['g', 'G']), flags, flags.includes('0') ? 16 : 0, P, bitsOf(x)]);
    }
  }
}
while (floatCases.length < N_FLOAT) {
  floatCases.push([pick(FCONV), randomFlags('-+ #0'), randomWidth(), randomPrecision(), randomDouble()]);
}

const intCases = [];
const ICONV = ['d', 'i', 'o', 'x', 'X', 'u'];
const SPECIAL_INTS = [
  0n, 1n, -1n, 7n, 8n, -8n, 255n, 256n, 2n ** 31n, -(2n ** 31n), 2n ** 32n, 2n ** 53n - 1n, 2n ** 53n,
  -(2n ** 53n) + 1n, -(2n ** 53n), 2n ** 63n - 1n, -(2n ** 63n), -(2n ** 63n) + 1n, 1000000n,
];
function randomInt() {
  const r = rnd32() % 10;
  if (r < 3) return BigInt.asIntN(64, (BigInt(rnd32()) << 32n) | BigInt(rnd32()));
  if (r < 6) return BigInt(rint(-1000, 1000));
  if (r < 8) return BigInt(rnd32()) * (chance(0.5) ? -1n : 1n) * BigInt(rint(1, 3000));
  return pick(SPECIAL_INTS);
}
for (const v of SPECIAL_INTS) for (const conv of ICONV) intCases.push([conv, '', 0, -1, v.toString()]);
for (const v of [0n, 5n, -5n, 255n]) {
  for (const flags of FLAGSETS) intCases.push([pick(ICONV), flags, rint(0, 12), pick([-1, -1, 0, 1, 4]), v.toString()]);
}
for (const v of [0, 65, 255, 256 + 66, -1]) {
  for (const flags of ['', '-', '0']) intCases.push(['c', flags, rint(0, 6), -1, String(v)]);
}
while (intCases.length < N_INT) {
  const prec = chance(0.4) ? -1 : chance(0.8) ? rint(0, 25) : rint(26, 99);
  if (chance(0.05)) {
    intCases.push(['c', randomFlags('-0'), randomWidth(), -1, String(rint(0, 255))]);
  } else {
    intCases.push([pick(ICONV), randomFlags('-+ #0'), randomWidth(), prec, randomInt().toString()]);
  }
}

// tostring: integral floats, 15-digit ties, random bits, short decimals, specials
const tostringBits = [...SPECIAL_BITS];
for (let k = -1074; k <= 1023; k += 1) tostringBits.push(bitsOf(2 ** k));
for (let k = -30; k <= 30; k++) tostringBits.push(bitsOf(10 ** k), bitsOf(-(10 ** k)));
for (let k = 0; k <= 64; k++) tostringBits.push(bitsOf(2 ** k - 1), bitsOf(2 ** k + 1));
while (tostringBits.length < N_TOSTRING) {
  const r = rnd32() % 10;
  if (r < 3) tostringBits.push(randomDouble());
  else if (r < 5) {
    // integral-valued floats of every size
    const digits = rint(1, 20);
    let s = String(rint(1, 9));
    for (let i = 1; i < digits; i++) s += rint(0, 9);
    tostringBits.push(bitsOf((chance(0.2) ? -1 : 1) * Number(s)));
  } else if (r < 7) {
    // exactly 15 significant digits ending in 5: ties for %.14g
    const intDigits = rint(1, 15);
    const fracDigits = 15 - intDigits;
    let s = String(rint(1, 9));
    for (let i = 1; i < 14; i++) s += rint(0, 9);
    s += '5';
    const x = Number(s.slice(0, intDigits) + (fracDigits ? '.' + s.slice(intDigits) : ''));
    tostringBits.push(bitsOf(x)); // exact only when representable; then a real tie
  } else if (r < 8) {
    // binary fractions with a big integer part: exact 15-17 digit values
    const x = rint(1, 2 ** 20) * 2 ** rint(0, 30) + rint(1, 7) / 8;
    tostringBits.push(bitsOf(x));
  } else {
    const m = rint(1, 99999999);
    const e = rint(-20, 20);
    tostringBits.push(bitsOf(e < 0 ? m / 10 ** -e : m * 10 ** e));
  }
}

// --- run the oracles ---------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'printf-fixtures-'));
try {
  const exe = join(dir, 'oracle');
  execFileSync('gcc', ['-O1', '-o', exe, join(here, 'gen-printf-fixtures.c')], { stdio: 'inherit' });
  const input =
    floatCases.map((c) => `F ${c[0]} ${c[1].replace(/ /g, 's') || '_'} ${c[2]} ${c[3]} ${c[4]}`).join('\n') + '\n' +
    intCases.map((c) => `I ${c[0]} ${c[1].replace(/ /g, 's') || '_'} ${c[2]} ${c[3]} ${c[4]}`).join('\n') + '\n';
  const lines = execFileSync(exe, { input, maxBuffer: 1 << 28 }).toString('latin1').split('\n');
  const decode = (hex) => Buffer.from(hex, 'hex').toString('latin1');
  floatCases.forEach((c, i) => c.push(decode(lines[i])));
  intCases.forEach((c, i) => c.push(decode(lines[floatCases.length + i])));

  // lua5.4: rebuild each double from its bits, print(x) goes through tostring
  const luaScript = join(dir, 'tostring.lua');
  writeFileSync(
    luaScript,
    'for line in io.lines() do\n' +
      '  local hi, lo = tonumber(line:sub(1, 8), 16), tonumber(line:sub(9, 16), 16)\n' +
      '  print((string.unpack("<d", string.pack("<I4I4", lo, hi))))\n' +
      'end\n',
  );
  const luaOut = execFileSync('lua5.4', [luaScript], { input: tostringBits.join('\n') + '\n', maxBuffer: 1 << 28 })
    .toString('latin1')
    .split('\n');
  const tostringCases = tostringBits.map((b, i) => [b, luaOut[i]]);
  if (luaOut.length !== tostringBits.length + 1) throw new Error('lua5.4 output has the wrong number of lines');

  const libc = execFileSync('ldd', ['--version']).toString().split('\n')[0];
  const lua = execFileSync('lua5.4', ['-v']).toString().trim();
  const json =
    '{\n' +
    `"generator": "scripts/gen-printf-fixtures.mjs",\n` +
    `"libc": ${JSON.stringify(libc)},\n` +
    `"lua": ${JSON.stringify(lua)},\n` +
    `"float": [\n${floatCases.map((c) => JSON.stringify(c)).join(',\n')}\n],\n` +
    `"int": [\n${intCases.map((c) => JSON.stringify(c)).join(',\n')}\n],\n` +
    `"tostring": [\n${tostringCases.map((c) => JSON.stringify(c)).join(',\n')}\n]\n` +
    '}\n';
  writeFileSync(outFile, json);
  console.log(
    `wrote ${outFile}: ${floatCases.length} float, ${intCases.length} int, ${tostringCases.length} tostring cases`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
