-- attacks: table.concat of 200k empty strings with a 1 KB separator; expect: LuaMemoryLimitError
local t = {}
for i = 1, 200000 do t[i] = "" end
return table.concat(t, ("x"):rep(1000))
