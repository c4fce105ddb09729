-- load() compiles a string into a function; it runs only when called.
local f = load("return 1 + 1")
print(type(f), f())
local g = load("x_from_chunk = 42")
print(x_from_chunk)
g()
print(x_from_chunk)
local h = load("local a, b = ... return a * b, select('#', ...)")
print(h(6, 7, 8))
print(load("return")())
print(select("#", load("return")()))
local empty = load("")
print(type(empty), select("#", empty()))
local multi = load([[
  local t = {}
  for i = 1, 3 do t[i] = i * i end
  return table.concat(t, ",")
]])
print(multi())
local each = load("return {}")
print(each() ~= each())
local counter = load("n_calls = (n_calls or 0) + 1 return n_calls")
counter(); counter()
print(counter())
