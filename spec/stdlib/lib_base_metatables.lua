-- getmetatable/setmetatable: __metatable protection, strings, nil metatables and argument errors.
local t = {}
local mt = {}
print(setmetatable(t, mt) == t, getmetatable(t) == mt)
print(setmetatable(t, nil) == t, getmetatable(t))
print(getmetatable("abc").__index == string, getmetatable(1), getmetatable(nil), getmetatable(print))
mt.__metatable = "locked"
setmetatable(t, mt)
print(getmetatable(t))
print(pcall(setmetatable, t, {}))
print(pcall(setmetatable, t, nil))
mt.__metatable = false
print(getmetatable(t))
print(pcall(setmetatable, t, {}))
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, {}))
print(pcall(setmetatable))
print(pcall(getmetatable))
print(pcall(setmetatable, "s", {}))
-- the string metatable is protected by nothing but cannot be replaced through setmetatable
local smt = getmetatable("")
print(type(smt), smt.__index == string)
print(("x"):rep(3), #getmetatable("").__index.rep("ab", 2))
-- a __metatable field of any type is returned
local t2 = setmetatable({}, { __metatable = { fake = true } })
print(getmetatable(t2).fake)
local t3 = setmetatable({}, { __metatable = 0 })
print(getmetatable(t3))
-- __index chains through several metatables
local base = { greet = function() return "hi" end }
local mid = setmetatable({}, { __index = base })
local leaf = setmetatable({}, { __index = mid })
print(leaf.greet(), rawget(leaf, "greet"))
-- __newindex table receives the assignment
local store = {}
local w = setmetatable({}, { __newindex = store })
w.k = 5
print(rawget(w, "k"), store.k)
