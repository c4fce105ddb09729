-- attacks: string.dump to make a binary chunk; expect: LuaRuntimeError
return string.dump(print)
