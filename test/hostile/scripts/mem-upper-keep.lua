-- attacks: keeping string.upper/reverse results of distinct 1 MB strings; expect: LuaMemoryLimitError
local s = ("x"):rep(1e6)
local keep = {}
while true do keep[#keep + 1] = (s .. #keep):upper() keep[#keep + 1] = (s .. #keep):reverse() end
