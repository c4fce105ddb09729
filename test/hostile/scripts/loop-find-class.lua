-- attacks: a [set] search scanning a 4 MB subject, forever; expect: LuaInstructionLimitError
local s = ("a"):rep(4e6)
while true do s:find("[bc]") end
