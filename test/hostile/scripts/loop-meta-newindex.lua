-- attacks: an endless loop in a __newindex metamethod; expect: LuaInstructionLimitError
local t = setmetatable({}, { __newindex = function() while true do end end })
t.x = 1
