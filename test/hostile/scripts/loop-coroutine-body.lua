-- attacks: an endless loop inside a coroutine; expect: LuaInstructionLimitError
coroutine.wrap(function() while true do end end)()
