-- attacks: a gsub callback calling gsub on the same string recursively; expect: LuaRuntimeError
local function f(s) return (s:gsub(".", f)) end
return f("abc")
