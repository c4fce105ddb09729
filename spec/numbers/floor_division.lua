-- Floor division //: rounds towards minus infinity; integer when both operands are integers.
local pairs_ = { {7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {6, 3}, {-6, 3}, {0, 5}, {1, 7}, {-1, 7} }
for _, p in ipairs(pairs_) do
  local a, b = p[1], p[2]
  print(a, b, a // b, math.type(a // b), a // (b + 0.0))
end
print(7.5 // 2, -7.5 // 2, 7 // 0.5, 1 // 0.0, -1 // 0.0, 0.0 // 1)
print(math.maxinteger // 1, math.mininteger // 1, math.mininteger // -1)
print(math.maxinteger // -1, math.mininteger // 2)
print(pcall(function() return 1 // 0 end))
print(pcall(function() local z = 0 return 10 // z end))
print(3 // 0.0, -3 // 0.0)
print(2^53 // 1, math.type(2^53 // 1))
