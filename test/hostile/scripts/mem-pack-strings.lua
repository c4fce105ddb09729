-- attacks: keeping distinct string.pack results holding two 500 KB strings each; expect: LuaMemoryLimitError
local s = ("x"):rep(5e5)
local keep = {}
while true do keep[#keep + 1] = string.pack("!16 z Xi16 s4", s, s .. #keep) end
