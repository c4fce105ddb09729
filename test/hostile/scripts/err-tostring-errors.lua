-- attacks: an error object whose __tostring raises; expect: LuaRuntimeError
error(setmetatable({}, { __tostring = function() error("again") end }))
