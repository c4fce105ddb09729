-- attacks: keeping distinct string.pack results padded to 1 MB; expect: LuaMemoryLimitError
local keep = {}
while true do keep[#keep + 1] = string.pack("c1000000", #keep) end
