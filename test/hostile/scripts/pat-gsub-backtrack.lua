-- attacks: catastrophic backtracking inside gsub; expect: LuaInstructionLimitError
return string.gsub(("a"):rep(40), ("a-"):rep(40) .. "b", "x")
