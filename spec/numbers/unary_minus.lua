-- Unary minus on integers, floats, strings and the integer limits.
local x = 5
print(-x, - -x, -(-x), -x ^ 2, (-x) ^ 2)
print(-0, -0.0, -(0), -(0.0))
print(-math.mininteger, -math.maxinteger, -(math.mininteger + 1))
print(-"2", -"2.5", -" 3 ", math.type(-"2"), math.type(-"2.0"))
print(pcall(function() return -"a" end))
print(pcall(function() return -{} end))
print(pcall(function() local t = {} return -t.x end))
print(-2^63 == math.mininteger, -(2^63) == math.mininteger)
print(- - - 1, -(-(-(1.5))))
