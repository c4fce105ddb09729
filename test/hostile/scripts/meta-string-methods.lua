-- attacks: reaching the real string table through string methods and metatables; expect: ok
local mt = getmetatable("")
assert(mt.__index == string)
assert(getmetatable(mt) == false or getmetatable(mt) == nil)
assert(not pcall(setmetatable, mt, {}))
assert(("").rep == string.rep)
local n = 0
for k, v in pairs(string) do n = n + 1 end
assert(n > 10 and string.dump == nil)
