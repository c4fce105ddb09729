-- CRC-32 (IEEE) and Adler-32 checksums with 64-bit integer bitwise operations.
local crc_table = {}
for i = 0, 255 do
  local c = i
  for _ = 1, 8 do
    if c & 1 == 1 then c = 0xEDB88320 ~ (c >> 1) else c = c >> 1 end
  end
  crc_table[i] = c
end
local function crc32(s)
  local crc = 0xFFFFFFFF
  for i = 1, #s do crc = crc_table[(crc ~ s:byte(i)) & 0xFF] ~ (crc >> 8) end
  return crc ~ 0xFFFFFFFF
end
local function adler32(s)
  local a, b = 1, 0
  for i = 1, #s do a = (a + s:byte(i)) % 65521; b = (b + a) % 65521 end
  return (b << 16) | a
end
for _, s in ipairs({ "", "a", "abc", "The quick brown fox jumps over the lazy dog", string.rep("x", 1000) }) do
  print(string.format("%08x %08x %d", crc32(s), adler32(s), #s))
end
print(crc32("123456789") == 0xCBF43926)
