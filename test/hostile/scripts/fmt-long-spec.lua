-- attacks: a conversion spec of flags and digits longer than C allows; expect: LuaRuntimeError
return string.format("%" .. ("-"):rep(50) .. "d", 1)
