-- Each call of the factory creates an independent counter.
local function counter(start, step)
  local n = start or 0
  return function() n = n + (step or 1); return n end
end
local c1, c2 = counter(), counter(100, 10)
print(c1(), c1(), c1())
print(c2(), c2())
print(c1(), c2())
local c3 = counter(0, -1)
for _ = 1, 3 do io.write(c3(), " ") end
print()
