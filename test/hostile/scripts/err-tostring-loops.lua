-- attacks: an error object whose __tostring never ends; expect: LuaRuntimeError
error(setmetatable({}, { __tostring = function() while true do end end }))
