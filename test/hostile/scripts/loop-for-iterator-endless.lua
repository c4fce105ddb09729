-- attacks: an iterator that never returns nil; expect: LuaInstructionLimitError
for i in function(_, c) return c + 1 end, nil, 0 do end
