-- attacks: a message handler allocating without end; expect: LuaMemoryLimitError
xpcall(error, function() local s = "x" while true do s = s .. s end end)
