-- attacks: an endless loop in an xpcall message handler; expect: LuaInstructionLimitError
xpcall(error, function() while true do end end)
