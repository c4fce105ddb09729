-- attacks: package.loadlib under strict; expect: LuaRuntimeError
return package.loadlib("libc.so.6", "system")
