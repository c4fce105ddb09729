-- attacks: an endless loop in __tostring called by string.format("%s"); expect: LuaInstructionLimitError
local t = setmetatable({}, { __tostring = function() while true do end end })
return string.format("%s", t)
