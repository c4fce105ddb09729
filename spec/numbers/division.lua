-- Float division / always gives a float.
print(6 / 2, 7 / 2, -7 / 2, 1 / 3, 2 / 3)
print(math.type(6 / 2), math.type(6.0 / 2.0))
print(1 / 0, -1 / 0, 1 / -0.0, -1 / -0.0)
print(0 / 1, -0 / 1, 0 / -1, 0.0 / -1)
local nan = 0 / 0
print(nan ~= nan, nan == nan)
print(math.maxinteger / 1, math.mininteger / -1)
print(1e308 / 1e-10, 1e-308 / 1e10)
print(10 / 4 * 4, 1 / 3 * 3 == 1)
print(string.format("%.17g", 0.1 / 3))
