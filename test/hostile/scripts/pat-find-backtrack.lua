-- attacks: catastrophic backtracking: string.find(("a"):rep(40), ("a*"):rep(40) .. "b"); expect: LuaInstructionLimitError
return string.find(string.rep("a", 40), string.rep("a*", 40) .. "b")
