-- attacks: catastrophic backtracking in string.match with captures; expect: LuaInstructionLimitError
return string.match(("a"):rep(30) .. "c", ("(a*)"):rep(20) .. "b")
