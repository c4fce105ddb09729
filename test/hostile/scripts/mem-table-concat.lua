-- attacks: table.concat of 100 references to a 1 MB string; expect: LuaMemoryLimitError
local t = {}
local s = ("x"):rep(1e6)
for i = 1, 100 do t[i] = s end
return table.concat(t)
