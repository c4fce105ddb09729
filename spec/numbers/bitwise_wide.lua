-- Bitwise operators and shifts on integers beyond 32 bits (held as numbers up to 2^53,
-- as BigInt beyond): every pair of edge values, every shift count from -65 to 65.
local vals = {0, 1, -1, 2, -2, 0x7fffffff, -0x80000000, 0xffffffff, 0x100000000, -0x100000000, 0x1fffffffffffff, -0x1fffffffffffff, 0x20000000000000, -0x20000000000000, math.maxinteger, math.mininteger, 0x123456789abc, -0x123456789abc, 0xdeadbeef, 0x10000000000000, -0x10000000000001, 12345678901234}
local acc = {}
for _, a in ipairs(vals) do
  for _, b in ipairs(vals) do
    acc[#acc+1] = string.format("%x %x %x", a & b, a | b, a ~ b)
  end
  acc[#acc+1] = string.format("%x", ~a)
  for n = -65, 65, 1 do acc[#acc+1] = string.format("%x %x", a << n, a >> n) end
end
for i = 1, #acc, 97 do print(acc[i]) end
local h = 0
for i = 1, #acc do for c in acc[i]:gmatch(".") do h = (h * 31 + c:byte()) % 1000000007 end end
print(#acc, h)
print(math.type(~0x1fffffffffffff), ~0x1fffffffffffff, (-0x1fffffffffffff) & (-0x1ffffffffffffe))
