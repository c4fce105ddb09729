-- attacks: string.rep applied to its own result; expect: LuaMemoryLimitError
return ("x"):rep(1e6):rep(100)
