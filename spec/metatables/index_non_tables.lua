-- Indexing strings goes through the string metatable; other non-tables have none by default.
print(("abc").len == string.len, ("abc"):len())
local smt = getmetatable("")
local old_index = smt.__index
smt.__index = function(s, k)
  if type(k) == "number" then return s:sub(k, k) end
  return old_index[k]
end
print(("hello")[1], ("hello")[5], ("hello"):upper())
smt.__index = old_index
print(("hello")[1])
print(pcall(function() local n = 5 return n.x end))
print(pcall(function() local b = true return b.x end))
print(pcall(function() return print.x end))
print(pcall(function() local s = "x" s.y = 1 end))
smt.__add = nil
print(pcall(function() return "1" + 1 end))
