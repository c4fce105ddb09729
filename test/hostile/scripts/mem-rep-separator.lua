-- attacks: string.rep with a separator making 100 MB; expect: LuaMemoryLimitError
return string.rep("x", 1e7, "0123456789")
