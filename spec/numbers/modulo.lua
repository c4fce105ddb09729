-- Modulo: a % b == a - (a // b) * b; the result has the sign of the divisor.
local cases = { {7, 3}, {-7, 3}, {7, -3}, {-7, -3}, {6, 3}, {-6, 3}, {0, 3}, {3, 7}, {-3, 7} }
for _, c in ipairs(cases) do
  local a, b = c[1], c[2]
  print(a, b, a % b, (a + 0.0) % b, a - (a // b) * b == a % b)
end
print(5.5 % 2, -5.5 % 2, 5.5 % -2, -5.5 % -2)
print(1 % math.huge, -1 % math.huge, 1 % -math.huge, -1 % -math.huge)
print(0.3 % 0.1 < 0.1, 10 % 3.0, math.type(10 % 3.0))
print(math.mininteger % -1, math.maxinteger % -1, math.mininteger % math.maxinteger)
print(pcall(function() return 1 % 0 end))
print(pcall(function() local z = 0 return 10 % z end))
print(5 % math.huge, -5 % -math.huge)
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(-7.5, 2))
print(pcall(math.fmod, 1, 0))
print(math.fmod(1, 0.0) ~= math.fmod(1, 0.0))
print(math.fmod(math.mininteger, -1), math.type(math.fmod(5, 2)), math.type(math.fmod(5, 2.0)))
