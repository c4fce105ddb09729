-- attacks: a format width of 100 ("%100d" is invalid); expect: LuaRuntimeError
return string.format("%100d", 1)
