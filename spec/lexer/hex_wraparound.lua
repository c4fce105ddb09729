-- Hexadecimal integer numerals wrap around modulo 2^64.
local function show(x) print(x, math.type(x)) end
show(0xffffffffffffffff)
show(0x8000000000000000)
show(0x7fffffffffffffff)
show(0x10000000000000000)
show(0x1ffffffffffffffff)
show(0x123456789abcdef0123)
show(0xfffffffffffffffe)
print(0xffffffffffffffff == -1, 0x8000000000000000 == math.mininteger)
print(tonumber("0xffffffffffffffff"), tonumber("0x10000000000000001"))
print(0xffffffffffffffff + 2)
