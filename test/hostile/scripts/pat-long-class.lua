-- attacks: a 100 KB character class, matched over 1 MB; expect: LuaInstructionLimitError
local set = "[" .. ("b"):rep(100000) .. "]"
local s = ("a"):rep(1e6)
while true do s:find(set) end
