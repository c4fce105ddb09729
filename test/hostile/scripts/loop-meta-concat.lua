-- attacks: an endless loop in a __concat metamethod; expect: LuaInstructionLimitError
local t = setmetatable({}, { __concat = function() while true do end end })
return "x" .. t
