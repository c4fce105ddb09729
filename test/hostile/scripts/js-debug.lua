-- attacks: the debug library (registry, upvalues, hooks) under strict; expect: LuaRuntimeError
return debug.getregistry()
