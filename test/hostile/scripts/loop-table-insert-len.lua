-- attacks: an endless loop in __len reached by table.insert; expect: LuaInstructionLimitError
local t = setmetatable({}, { __len = function() while true do end end })
table.insert(t, 1)
