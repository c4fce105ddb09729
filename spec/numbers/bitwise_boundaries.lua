-- bitwise operators over operands at the int32 / uint32 / 2^53 / 64-bit boundaries,
-- as registers and as constants, so both fast paths and the general one are used
local vals = { 0, 1, -1, 2, 255, 0x7FFFFFFF, 0x80000000, -0x80000000, -0x80000001,
  0xFFFFFFFF, 0x100000000, 0x1FFFFFFFFFFFFF, -0x1FFFFFFFFFFFFF, 0x20000000000000,
  math.maxinteger, math.mininteger, 0xEDB88320, 16777619, -2, 3.0, -0.0 }
local h = 0
local out = {}
for _, a in ipairs(vals) do
  for _, b in ipairs(vals) do
    local r1, r2, r3 = a & b, a | b, a ~ b
    out[#out + 1] = string.format("%d %d %d", r1, r2, r3)
    local s1, s2 = a << (b & 63), a >> (b & 63)
    out[#out + 1] = string.format("%d %d", s1, s2)
  end
  out[#out + 1] = string.format("%d %d %d %d %d %d", a & 0xFFFFFFFF, a | 0xFFFFFFFF, a ~ 0xFFFFFFFF,
    a & 0xFF, a | 0x80000000, a ~ -1)
end
for i = 1, #out do
  for j = 1, #out[i] do h = (h * 31 + out[i]:byte(j)) % 1000000007 end
end
print(#out, h)
print(out[1], out[50], out[100], out[200], out[#out])
-- errors keep their messages
print(pcall(function() return 1.5 & 1 end))
print(pcall(function() local x = 0xFFFFFFFF; return x | 2.5 end))
print(pcall(function() local x = "7"; return x ~ 0xFFFFFFFF end))
