-- attacks: an error raised by a __close handler while an error unwinds; expect: LuaRuntimeError
local x <close> = setmetatable({}, { __close = function() error("in close") end })
error("first")
