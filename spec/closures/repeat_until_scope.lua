-- The condition of repeat-until sees the body's locals, including captured ones.
local i = 0
local fs = {}
repeat
  local j = i * 2
  fs[#fs + 1] = function() return j end
  i = i + 1
until j >= 6
print(i, #fs, fs[1](), fs[4]())
local n = 0
repeat
  local done = n >= 3
  n = n + 1
until done
print(n)
local x = "outer"
repeat local x = "inner" until x == "inner"
print(x)
