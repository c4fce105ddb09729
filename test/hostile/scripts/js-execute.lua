-- attacks: os.execute under strict; expect: LuaRuntimeError
return os.execute("echo hi")
