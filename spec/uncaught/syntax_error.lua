-- This file does not compile: the interpreter reports the syntax error (no traceback) and
-- nothing is printed, because the chunk never starts running.
print("not printed: the chunk never runs")
local function area(w, h)
  return w * h
end
local sizes = { { 2, 3 }, { 4, 5 } }
for _, s in ipairs(sizes) do
  print(area(s[1], s[2]))
end
local x = = 1
print(x)
