-- attacks: resuming dead and running coroutines in a loop; expect: LuaInstructionLimitError
local co = coroutine.create(function() end)
coroutine.resume(co)
local self
self = coroutine.wrap(function() while true do coroutine.resume(co) coroutine.resume(coroutine.running()) end end)
self()
