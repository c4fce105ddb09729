-- attacks: an endless loop in __index reached by table.concat and table.unpack; expect: LuaInstructionLimitError
local t = setmetatable({}, { __index = function() while true do end end, __len = function() return 3 end })
return table.concat(t, ",")
