-- `local function f` can call itself; `local f = function` cannot (f is not yet in scope).
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(6))
local ok, err = pcall(function()
  local g = function(n) if n <= 1 then return 1 end return n * g(n - 1) end
  return g(3)
end)
print(ok, err)
local h
h = function(n) if n <= 1 then return 1 end return n * h(n - 1) end
print(h(4))
function global_fn() return "global" end
print(global_fn(), type(_G.global_fn))
local t = { inner = {} }
function t.inner.method(a) return "dotted " .. a end
function t.inner:colon(a) return self == t.inner, a end
print(t.inner.method("x"), t.inner:colon("y"))
local function outer()
  local function helper() return "helper" end
  return helper()
end
print(outer(), helper)
