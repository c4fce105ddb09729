-- attacks: "a*b" tried at every offset of 400 KB of "a" (quadratic class runs); expect: LuaInstructionLimitError
local s = ("a"):rep(400000)
return s:find("a*b")
