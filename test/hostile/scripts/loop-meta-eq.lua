-- attacks: an endless loop in an __eq metamethod; expect: LuaInstructionLimitError
local mt = { __eq = function() while true do end end }
local a, b = setmetatable({}, mt), setmetatable({}, mt)
return a == b
