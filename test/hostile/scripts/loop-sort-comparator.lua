-- attacks: an endless loop in a table.sort comparator; expect: LuaInstructionLimitError
table.sort({ 3, 2, 1 }, function(a, b) while true do end end)
