-- math.type distinguishes integers from floats; type() says "number" for both.
local vals = { 1, 1.0, -0, -0.0, 2^31, 1 // 1, 1.0 // 1, 3 / 1, 7 % 2, 7.0 % 2, "1", nil, math.huge,
  math.maxinteger, math.mininteger, 1e15, 10 // 3, 2^2 }
for i = 1, 18 do
  local v = vals[i]
  print(i, type(v), math.type(v))
end
print(math.type(1 + 1), math.type(1 + 1.0), math.type(1 * 2), math.type(2 - 0.0))
print(math.type(#"abc"), math.type(-(-3)), math.type(1e2 // 1), math.type(3 // 1.0))
print(pcall(math.type))
