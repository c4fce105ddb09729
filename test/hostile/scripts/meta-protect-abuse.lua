-- attacks: a __metatable field that errors, __index on a metatable itself, and getmetatable loops; expect: LuaInstructionLimitError
local t = setmetatable({}, { __metatable = setmetatable({}, { __index = function() while true do end end }) })
local m = getmetatable(t)
return m.x
