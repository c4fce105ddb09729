-- attacks: keeping distinct 1 MB strings made by string.format; expect: LuaMemoryLimitError
local s = ("x"):rep(1e6)
local keep = {}
while true do keep[#keep + 1] = string.format("%s.%d", s, #keep) end
