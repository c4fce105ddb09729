-- Integer arithmetic wraps around modulo 2^64.
local max, min = math.maxinteger, math.mininteger
print(max, min)
print(max + 1, max + 1 == min)
print(min - 1, min - 1 == max)
print(-min, -min == min)
print(max * 2, max * max, min * -1, min * min)
print(max + max, min + min)
print(0x7fffffff * 0x7fffffff, 0x100000000 * 0x100000000)
print(3037000500 * 3037000500)
local x = 1
for i = 1, 70 do x = x * 2 end
print(x)
local f = 1
for i = 1, 25 do f = f * i end
print(f)
print(max - -1, min + -1)
print(math.abs(min), math.abs(max))
print(5 - 10, -5 * 5, 123456789 * 987654321)
