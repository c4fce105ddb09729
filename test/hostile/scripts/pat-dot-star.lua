-- attacks: ".*x" tried at every offset of a 400 KB subject; expect: LuaInstructionLimitError
local s = ("y"):rep(400000)
return s:find(".*x")
