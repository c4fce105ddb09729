-- attacks: a back-reference comparing long captures at every offset; expect: LuaInstructionLimitError
local s = ("a"):rep(100000)
return s:find("(a*)%1b")
