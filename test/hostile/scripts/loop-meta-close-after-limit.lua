-- attacks: an endless __close handler run after the limit already stopped the run; expect: LuaInstructionLimitError
local a <close> = setmetatable({}, { __close = function() while true do end end })
local b <close> = setmetatable({}, { __close = function() local s = "x" while true do s = s .. s end end })
while true do end
