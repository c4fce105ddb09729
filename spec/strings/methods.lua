-- Strings have a metatable whose __index is the string table, so s:method() works.
local s = "Hello"
print(s:upper(), s:lower(), s:len(), s:rep(2), s:sub(2, 3), s:byte(1))
print(("%d-%s"):format(1, "a"), ("x"):rep(3, ","))
print(#s, s:find("l"), s:gsub("l", "L"))
local mt = getmetatable("")
print(type(mt), mt.__index == string, getmetatable("abc") == getmetatable(""))
print(("abc").len == string.len, ("abc").nosuchmethod)
string.shout = function(str) return str:upper() .. "!" end
print(("hey"):shout())
string.shout = nil
print(pcall(function() return ("hey"):shout() end))
print(pcall(function() local n = 5 return n:upper() end))
print(s.len(s), ("x").rep("y", 2))
local t = {}
for i = 1, #s do t[i] = s:sub(i, i) end
print(table.concat(t, "."))
