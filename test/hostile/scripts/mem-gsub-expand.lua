-- attacks: gsub replacing each byte of 100 KB with 1 KB; expect: LuaMemoryLimitError
local s = ("x"):rep(1e5)
return s:gsub("x", ("y"):rep(1000))
