-- Several chunks loaded with the same env table share their "globals"; different envs are isolated.
local env1 = { tostring = tostring }
local env2 = { tostring = tostring }
local set1 = load("counter = (counter or 0) + 1 return counter", "=set1", "t", env1)
local get1 = load("return counter", "=get1", "t", env1)
local set2 = load("counter = (counter or 0) + 100 return counter", "=set2", "t", env2)
print(set1(), set1(), get1(), set2(), env1.counter, env2.counter, counter)
local lib = {}
load([[
  function double(x) return x * 2 end
  function quad(x) return double(double(x)) end
]], "=lib", "t", lib)()
print(lib.quad(3), lib.double(5), double)
local proxy = setmetatable({}, { __index = _G, __newindex = function(t, k, v) rawset(t, k, v) end })
load("helper_value = 7 x = math.max(helper_value, 3)", "=proxy", "t", proxy)()
print(proxy.x, rawget(_G, "x"), proxy.helper_value)
