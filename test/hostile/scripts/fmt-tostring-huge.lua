-- attacks: a __tostring returning a 5 MB string to string.format, kept; expect: LuaMemoryLimitError
local big = ("x"):rep(5e6)
local t = setmetatable({}, { __tostring = function() return big end })
local keep = {}
while true do keep[#keep + 1] = string.format("%s%d", t, #keep) end
