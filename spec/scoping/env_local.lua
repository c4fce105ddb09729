-- Globals are fields of _ENV; a local _ENV changes what free names mean.
x = "global x"
print(x, _ENV.x, _G.x, _ENV == _G)
do
  local _ENV = { print = print }
  y = "in custom env"
  print(x, y)
end
print(y, x)
local function with_env()
  local _ENV = setmetatable({}, { __index = _G })
  z = "sandboxed"
  return z, _G.z
end
print(with_env())
local function f(_ENV) return a + b end
print(f({ a = 1, b = 2 }))
local saved = _ENV
local function swap()
  local _ENV = { tostring = tostring }
  return tostring(print)
end
print(swap())
_ENV = setmetatable({}, { __index = saved, __newindex = function(t, k, v) rawset(t, k, v) saved.print("new global", k) end })
newvar = 1
print(newvar, saved.newvar)
