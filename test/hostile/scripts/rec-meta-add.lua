-- attacks: recursion through an __add metamethod; expect: LuaRuntimeError
local mt = {}
mt.__add = function(a, b) return a + b end
return setmetatable({}, mt) + 1
