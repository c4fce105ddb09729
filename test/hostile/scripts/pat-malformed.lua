-- attacks: a malformed pattern; expect: LuaRuntimeError
return string.find("abc", "[a")
