-- attacks: more than 32 captures; expect: LuaRuntimeError
return string.find(("a"):rep(40), ("(a)"):rep(40))
