-- attacks: gsub with a "%0%0%0..." replacement template; expect: LuaMemoryLimitError
local s = ("x"):rep(1e4)
return s:gsub(".", ("%0"):rep(1e4))
