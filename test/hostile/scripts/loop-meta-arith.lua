-- attacks: an endless loop in __add/__unm/__bnot metamethods; expect: LuaInstructionLimitError
local mt = {}
mt.__add = function() while true do end end
mt.__unm = mt.__add
local t = setmetatable({}, mt)
return -t + 1
