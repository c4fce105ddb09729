-- Numeric for with integers: step, negative step, empty ranges, bounds near the limits.
local function collect(a, b, c)
  local out = {}
  if c then for i = a, b, c do out[#out + 1] = i end
  else for i = a, b do out[#out + 1] = i end end
  return table.concat(out, " ")
end
print(collect(1, 5))
print(collect(1, 10, 3))
print(collect(10, 1, -3))
print(collect(5, 1))
print("[" .. collect(1, 0) .. "]")
print(collect(-3, 3, 2))
print(collect(math.maxinteger - 2, math.maxinteger))
print(collect(math.mininteger, math.mininteger + 2))
print(collect(math.mininteger + 2, math.mininteger, -1))
print(collect(1, 3, math.maxinteger))
print(collect(-1, -3, math.mininteger))
print(collect(math.maxinteger - 5, math.maxinteger, 4))
for i = 1, 3 do local j = i * 2; i = j; io.write(i, " ") end print()
local n = 0
for i = 1, 1000000 do n = n + i end
print(n)
for i = 3, 1, -1 do io.write(math.type(i), " ") end print()
