-- attacks: an endless loop in __lt and __le metamethods; expect: LuaInstructionLimitError
local mt = { __lt = function() while true do end end, __le = function() while true do end end }
local a, b = setmetatable({}, mt), setmetatable({}, mt)
return a < b or a <= b
