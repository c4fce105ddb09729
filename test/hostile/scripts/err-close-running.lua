-- attacks: closing the running coroutine; expect: LuaRuntimeError
coroutine.close(coroutine.running())
