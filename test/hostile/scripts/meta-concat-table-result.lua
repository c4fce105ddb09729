-- attacks: a __concat metamethod returning a table (legal: the result of .. can be any value); expect: ok
local mt = { __concat = function(a, b) return { a, b } end }
local t = setmetatable({}, mt)
local r = t .. "a"
assert(type(r) == "table" and r[2] == "a")
