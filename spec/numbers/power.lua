-- Exponentiation ^ always gives a float and is right associative.
print(2 ^ 10, 2 ^ 0.5, 2 ^ -1, (-2) ^ 2, -2 ^ 2)
print(2 ^ 3 ^ 2, (2 ^ 3) ^ 2)
print(math.type(2 ^ 2), 10 ^ 15, 10 ^ 16)
print(2 ^ 63, 2 ^ 64, 2 ^ 1023, 2 ^ 1024, 2 ^ -1074, 2 ^ -1075)
print(0 ^ 0, 0 ^ 1, 1 ^ math.huge, math.huge ^ 0)
print((-8) ^ 3, (-1) ^ 0.5 ~= (-1) ^ 0.5)
print(4 ^ 0.5, 27 ^ (1 / 3))
print("2" ^ 2, 2 ^ "3")
print(0 ^ -1, (-0.0) ^ -1, 0.5 ^ math.huge, 2 ^ -math.huge)
print(math.maxinteger ^ 1 == 2 ^ 63, 3 ^ 40, (3 ^ 40) // 1 == 3 ^ 40)
local p = 1
for _ = 1, 10 do p = p * 3 end
print(p, 3 ^ 10, p == 3 ^ 10, math.type(p))
print(pcall(function() return {} ^ 2 end))
print(pcall(function() return 2 ^ nil end))
