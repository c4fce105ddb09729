-- attacks: %b() over 200 KB of "(" closed once at the end, at every offset; expect: LuaInstructionLimitError
local s = ("("):rep(200000) .. ")"
return s:find("%b()%b()")
