-- attacks: nested lazy ".-" items over a 100 KB subject; expect: LuaInstructionLimitError
local s = ("ab"):rep(50000)
return s:find(".-a.-b.-a.-b.-c")
