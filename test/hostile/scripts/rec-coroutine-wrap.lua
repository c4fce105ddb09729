-- attacks: each coroutine starting the next inside coroutine.wrap; expect: LuaRuntimeError
local function f() return coroutine.wrap(f)() end
return f()
