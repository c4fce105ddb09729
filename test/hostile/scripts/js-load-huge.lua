-- attacks: load of 10 MB of generated source (load is absent under strict); expect: LuaRuntimeError
return load(("x = 1 "):rep(1e6))
