-- attacks: a __concat metamethod returning a number, then some ordinary allocation; expect: ok
local mt = { __concat = function() return 0 end }
local t = setmetatable({}, mt)
assert(t .. "a" == 0)
local keep = {}
for i = 1, 1000 do keep[i] = { i } end
