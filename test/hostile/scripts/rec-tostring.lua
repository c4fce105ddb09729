-- attacks: __tostring calling tostring on itself; expect: LuaRuntimeError
local mt = {}
mt.__tostring = function(x) return tostring(x) end
return tostring(setmetatable({}, mt))
