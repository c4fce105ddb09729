-- attacks: an endless loop in a __len metamethod; expect: LuaInstructionLimitError
local t = setmetatable({}, { __len = function() while true do end end })
return #t
