-- attacks: finalizers that raise errors while the script allocates; expect: LuaInstructionLimitError
warn("@on")
while true do setmetatable({}, { __gc = function() error("boom") end }) end
