-- attacks: an endless loop in an __index metamethod; expect: LuaInstructionLimitError
local t = setmetatable({}, { __index = function() while true do end end })
return t.x
