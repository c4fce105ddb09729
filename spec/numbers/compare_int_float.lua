-- Comparisons between integers and floats are exact (no rounding of the integer).
local max, min = math.maxinteger, math.mininteger
print(1 == 1.0, 1 < 1.5, 2 > 1.5, -1 < -0.5)
print(max < 2^63, max <= 2^63, max == 2^63, max + 0.0 == 2^63)
print(min == -2^63, min < -2^63, min <= -2^63, min > -2^63 - 1e6)
print(2^53 == 2^53 + 1, (2^53 | 0) + 1 == 2^53, (2^53 | 0) + 1 > 2^53, (2^53 | 0) + 1 < 2^53 + 2)
print(max > 9.2233720368547e18, max < 9.2233720368548e18)
print(1 < math.huge, max < math.huge, min > -math.huge)
print(3 <= 3.0, 3 >= 3.0, 3 ~= 3.0000000001)
local nan = 0 / 0
print(1 < nan, 1 > nan, max < nan, min > nan, 1 == nan)
local t = { 3, 1.5, -2, 2^60, 7, 0.5, -0.0, max, min, 2^63, -2^63 }
table.sort(t)
for i, v in ipairs(t) do io.write(tostring(v), i < #t and " " or "\n") end
print(math.max(1, 2.5), math.max(3, 2.5), math.min(1, 1.0), math.max(1.0, 1))
print(math.ult(1, -1), math.ult(-1, 1), math.ult(max, min))
