-- attacks: io.popen under strict; expect: LuaRuntimeError
return io.popen("ls")
