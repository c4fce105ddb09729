-- attacks: a format precision of 100 ("%.100f" is invalid); expect: LuaRuntimeError
return string.format("%.100f", 1)
