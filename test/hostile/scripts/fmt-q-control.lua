-- attacks: string.format("%q") of 1 MB of control characters, kept; expect: LuaMemoryLimitError
local z = ("\1\2"):rep(5e5)
local keep = {}
while true do keep[#keep + 1] = string.format("%q", z .. #keep) end
