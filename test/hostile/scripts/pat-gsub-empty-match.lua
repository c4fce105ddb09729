-- attacks: gsub with an empty-matching pattern inserting 100 bytes at each of 300k offsets (30 MB); expect: LuaMemoryLimitError
local s = ("x"):rep(3e5)
return s:gsub("", ("-"):rep(100))
