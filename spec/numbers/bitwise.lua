-- Bitwise operators on 64-bit integers.
print(0xF0 & 0x3C, 0xF0 | 0x3C, 0xF0 ~ 0x3C, ~0xF0)
print(~0, ~-1, ~math.maxinteger, ~math.mininteger)
print(1 << 0, 1 << 1, 1 << 62, 1 << 63, 1 << 64, 1 << 100)
print(-1 >> 1, -1 >> 63, -1 >> 64, math.mininteger >> 63)
print(1 << -1, 2 << -1, 8 >> -2, 1 >> -63, 1 << math.mininteger)
print(0xFF >> 4, 0xFF << 4, (0xFF << 60) >> 60)
print(5 & -1, 5 | -1, 5 ~ -1)
print(2^53 | 0, math.type(2.0 | 0), 3.0 & 1.0)
print(1 | 2 ~ 3 & 4, (1 | 2) ~ (3 & 4), 1 << 2 + 1, 1 + 2 << 1)
print(string.format("%x %X", -1, 255), string.format("%016x", 1 << 60))
local function popcount(x)
  local n = 0
  while x ~= 0 do n = n + (x & 1); x = x >> 1 end
  return n
end
print(popcount(0), popcount(255), popcount(-1), popcount(math.mininteger))
print(pcall(function() return "3" & 1 end))
