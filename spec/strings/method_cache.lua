-- s:method() calls through the string metatable: cached lookups must follow changes to the
-- string table and to the metatable's __index (a table, then a function, then a table again)
local s = "hello"
for i = 1, 3 do print(s:upper(), s:len(), ("x"):rep(i)) end
print(pcall(function() return s:nosuch() end))
string.shout = function(x) return x:upper() .. "!" end
print(s:shout())
local mt = getmetatable("")
local old = mt.__index
mt.__index = function(str, k) if k == "twice" then return function(x) return x .. x end end return old[k] end
for i = 1, 2 do print(s:twice(), s:upper()) end
print(pcall(function() return s:nosuch() end))
mt.__index = old
string.shout = nil
print(pcall(function() return s:shout() end))
