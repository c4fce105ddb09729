-- attacks: deeply nested optional items ("pattern too complex"); expect: LuaRuntimeError
return string.find(("a"):rep(300), ("a?"):rep(300) .. ("a"):rep(300))
