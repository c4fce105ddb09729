-- attacks: an endless loop in a __pairs metamethod; expect: LuaInstructionLimitError
local t = setmetatable({}, { __pairs = function() while true do end end })
for k, v in pairs(t) do end
