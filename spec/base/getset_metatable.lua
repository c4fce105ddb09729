-- getmetatable and setmetatable.
local t = {}
local mt = { __index = { greeting = "hi" } }
print(setmetatable(t, mt) == t, getmetatable(t) == mt, t.greeting)
print(setmetatable(t, nil) == t, getmetatable(t), t.greeting)
print(getmetatable("").__index == string, getmetatable(1), getmetatable(true), getmetatable(print))
local protected = setmetatable({}, { __metatable = "no access" })
print(getmetatable(protected), pcall(setmetatable, protected, {}))
print(pcall(setmetatable, protected, nil))
local pt = setmetatable({}, { __metatable = { "decoy" } })
print(getmetatable(pt)[1])
print(pcall(setmetatable, "str", {}))
print(pcall(setmetatable, {}, "mt"))
print(pcall(function() return setmetatable({}, nil, "extra") ~= nil end))
print(pcall(getmetatable))
local self_meta = {}
setmetatable(self_meta, self_meta)
self_meta.__index = function(_, k) return "self " .. k end
print(self_meta.anything)
