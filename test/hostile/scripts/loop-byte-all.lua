-- attacks: string.byte of a whole 400 KB string, forever (400k results per call); expect: LuaInstructionLimitError
local s = ("a"):rep(4e5)
while true do local n = select("#", s:byte(1, -1)) end
