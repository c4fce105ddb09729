-- __metatable hides the metatable from getmetatable and blocks setmetatable.
local t = setmetatable({}, { __metatable = "locked", __index = { a = 1 } })
print(getmetatable(t), t.a)
print(pcall(setmetatable, t, {}))
print(pcall(setmetatable, t, nil))
local f = setmetatable({}, { __metatable = false })
print(getmetatable(f))
print(pcall(setmetatable, f, {}))
local tbl_mt = { __metatable = { fake = true } }
local u = setmetatable({}, tbl_mt)
print(getmetatable(u).fake, getmetatable(u) == tbl_mt)
print(getmetatable("abc").__index == string)
print(getmetatable(1), getmetatable(nil), getmetatable(print))
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, {}))
local m = {}
local v = setmetatable({}, m)
print(getmetatable(v) == m, setmetatable(v, nil) == v, getmetatable(v))
