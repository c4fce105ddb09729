-- attacks: string.upper/lower/reverse of a 2 MB string, forever; expect: LuaInstructionLimitError
local s = ("a"):rep(2e6)
while true do local u = s:upper():lower():reverse() end
