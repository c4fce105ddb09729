-- attacks: nested coroutine.resume chains, the failure caught and retried forever; expect: LuaInstructionLimitError
local function f() return coroutine.resume(coroutine.create(f)) end
while true do f() end
