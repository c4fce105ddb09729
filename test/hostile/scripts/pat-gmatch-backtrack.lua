-- attacks: catastrophic backtracking inside a gmatch loop; expect: LuaInstructionLimitError
for m in string.gmatch(("a"):rep(30), ("a?"):rep(30) .. ("a"):rep(30) .. "b") do end
