-- attacks: an error message of 4 MB; expect: LuaRuntimeError
error(("x"):rep(4e6))
