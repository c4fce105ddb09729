-- attacks: yielding from the main chunk; expect: LuaRuntimeError
coroutine.yield(1)
