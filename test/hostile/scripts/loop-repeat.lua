-- attacks: an endless repeat loop doing arithmetic; expect: LuaInstructionLimitError
local n = 0
repeat n = n + 1 until false
