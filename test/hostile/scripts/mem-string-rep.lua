-- attacks: string.rep of 1 TB; expect: LuaMemoryLimitError
return string.rep("x", 2^40)
