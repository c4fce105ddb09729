-- attacks: an endless loop in a __call metamethod; expect: LuaInstructionLimitError
local t = setmetatable({}, { __call = function() while true do end end })
t()
