-- attacks: an error object whose __tostring never ends (the engine asks it for the run's message, as lua.c's handler does, under the run's limits); expect: LuaInstructionLimitError
error(setmetatable({}, { __tostring = function() while true do end end }))
