-- attacks: an endless goto loop; expect: LuaInstructionLimitError
local n = 0
::top::
n = n + 1
goto top
