-- bitwise: integer and bitwise math: a xorshift32 PRNG, popcount (loop and SWAR),
-- 16-bit bit reversal, a table-driven CRC32, FNV-1a hashing and Gray codes.
-- Values are 32-bit patterns: results are masked (& 0xFFFFFFFF, & 0xFFFF) or shifted
-- right before they are compared, summed or printed, so that 64-bit Luas and
-- 32-bit-integer ones (fengari, where the mask is a no-op) compute the same numbers.
-- size: full=600000 quick=100000
local n = tonumber(arg and arg[1]) or 600000

local M32 = 0xFFFFFFFF

-- xorshift32 (Marsaglia 13/17/5)
local state = 0x92D68CA2 & M32   -- 2463534242 (a hex literal: it wraps, a decimal one would be a float)
local function rand()
  local x = state
  x = (x ~ (x << 13)) & M32
  x = x ~ (x >> 17)
  x = (x ~ (x << 5)) & M32
  state = x
  return x
end

-- popcount by clearing the lowest set bit
local function popLoop(v)
  local c = 0
  while v ~= 0 do
    v = v & (v - 1)
    c = c + 1
  end
  return c
end

-- popcount by SWAR (sums of bit pairs, nibbles, then bytes)
local function popSwar(v)
  v = v - ((v >> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >> 2) & 0x33333333)
  v = (v + (v >> 4)) & 0x0F0F0F0F
  return ((v * 0x01010101) & M32) >> 24
end

-- reverse the 16 low bits
local function rev16(v)
  v = ((v >> 1) & 0x5555) | ((v & 0x5555) << 1)
  v = ((v >> 2) & 0x3333) | ((v & 0x3333) << 2)
  v = ((v >> 4) & 0x0F0F) | ((v & 0x0F0F) << 4)
  v = ((v >> 8) & 0x00FF) | ((v & 0x00FF) << 8)
  return v
end

-- CRC32 (reflected polynomial 0xEDB88320), table-driven
local crcTable = {}
for i = 0, 255 do
  local c = i
  for _ = 1, 8 do
    if c & 1 == 1 then c = 0xEDB88320 ~ (c >> 1) else c = c >> 1 end
  end
  crcTable[i] = c
end
local function crc32(bytes, len)
  local crc = M32
  for i = 1, len do
    crc = crcTable[(crc ~ bytes[i]) & 0xFF] ~ (crc >> 8)
  end
  return (crc ~ M32) & M32
end

-- FNV-1a over the same bytes
local function fnv1a(bytes, len)
  local h = 0x811C9DC5 & M32   -- 2166136261
  for i = 1, len do
    h = ((h ~ bytes[i]) * 16777619) & M32
  end
  return h
end

local popSum, swarSum, revSum, grayMix, parity = 0, 0, 0, 0, 0
local bytes = {}
for i = 1, n do
  local r = rand()
  local a, b = popLoop(r), popSwar(r)
  popSum = popSum + a
  swarSum = swarSum + b
  local lo = r & 0xFFFF
  local rv = rev16(lo)
  if rev16(rv) ~= lo then error("rev16 is not an involution at " .. lo) end
  revSum = (revSum + rv) % 1000003
  local g = i ~ (i >> 1)          -- Gray code of i
  grayMix = (grayMix ~ (g << (i & 7))) & 0x7FFFFFFF
  parity = parity ~ (a & 1)
  bytes[i] = (r >> 8) & 0xFF
end

-- checksums over the byte stream, in blocks and over the whole
local blockHi, blockLo = 0, 0
local block = 1024
local buf = {}
for s = 1, n - block + 1, block do
  for j = 1, block do buf[j] = bytes[s + j - 1] end
  local c = crc32(buf, block)
  blockHi = (blockHi + (c >> 16)) % 1000003
  blockLo = (blockLo + (c & 0xFFFF)) % 1000003
end
local crc = crc32(bytes, n)
local fnv = fnv1a(bytes, n)

print(string.format("bitwise %d: pop=%d swar=%d parity=%d rev=%d gray=%d", n, popSum, swarSum,
  parity, revSum, grayMix))
print(string.format("crc32=%04x%04x blocks=%d/%d fnv1a=%04x%04x last=%04x%04x", crc >> 16, crc & 0xFFFF,
  blockHi, blockLo, fnv >> 16, fnv & 0xFFFF, state >> 16, state & 0xFFFF))
