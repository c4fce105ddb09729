-- ... passes all values to a call when last; only the first value elsewhere.
local function show(...) return select("#", ...), ... end
local function f(...) return show(...) end
local function g(...) return show(..., "last") end
local function h(...) return show((...)) end
print(f(1, 2, 3))
print(g(1, 2, 3))
print(h(1, 2, 3))
print(f())
print(g())
print(h())
local function sum(...)
  local s = 0
  for _, v in ipairs({ ... }) do s = s + v end
  return s
end
print(sum(1, 2, 3, 4, 5), sum())
local function forward(fn, ...) return fn(...) end
print(forward(math.max, 4, 9, 2), forward(string.format, "%s-%s", "a", "b"))
print(string.format("%d %d %d", table.unpack({ 7, 8, 9 })))
local function mid(...) local a, b = ... return a, b end
print(mid(1), mid(1, 2, 3))
