-- attacks: an error object whose __index never ends (a host reading fields); expect: LuaRuntimeError
error(setmetatable({}, { __index = function() while true do end end }))
