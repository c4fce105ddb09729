-- attacks: recursion through an __index metamethod indexing its own table; expect: LuaRuntimeError
local t = setmetatable({}, { __index = function(t, k) return t[k] end })
return t.x
