-- Numeric for with floats: a float in init or step makes the loop variable a float.
local function collect(a, b, c)
  local out = {}
  for i = a, b, c or 1 do out[#out + 1] = tostring(i) .. ":" .. math.type(i) end
  return table.concat(out, " ")
end
print(collect(1.0, 3))
print(collect(1, 3, 1.0))
print(collect(1, 2.5))
print(collect(0, 1, 0.25))
print(collect(1, 0, -0.5))
print(collect(1, 3.9))
print(collect(3, 1.5, -1))
local count = 0
for x = 0, 1, 0.1 do count = count + 1 end
print(count)
local c = 0
for i = 1, math.huge do c = c + 1; if c == 5 then break end end
print(c)
c = 0
for i = 1, -math.huge do c = c + 1 end
print(c)
print(collect(math.maxinteger - 1, 2^63))
print(collect(1, 1e308, 1e308))
