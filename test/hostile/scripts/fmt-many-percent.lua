-- attacks: a 4 MB format of "%%" escapes, formatted forever; expect: LuaInstructionLimitError
local f = ("%%"):rep(2e6)
while true do local s = f:format() end
