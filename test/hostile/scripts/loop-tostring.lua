-- attacks: an endless loop in __tostring called by tostring and print; expect: LuaInstructionLimitError
local t = setmetatable({}, { __tostring = function() while true do end end })
print(t)
