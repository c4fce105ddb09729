-- Adjusting ... to locals, in expressions, and in returns.
local function f(...)
  local a, b, c = ...
  return a, b, c
end
print(f(1), f(1, 2), f(1, 2, 3, 4))
local function g(...) return ... end
print(g())
print((g(1, 2, 3)))
print(g(1, 2, 3), g(4, 5))
print(#{ g(1, 2) } == 2, #{ g(1, 2), g(3, 4) })
local function h(...) local x = ... return x end
print(h("first", "second"))
local function k(...) return ... == nil end
print(k(), k(nil), k(1))
local function arith(...) return ... + 1 end
print(arith(10, 20))
local function params(a, b, ...) return a, b, select("#", ...) end
print(params(1), params(1, 2, 3, 4))
