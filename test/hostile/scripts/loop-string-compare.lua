-- attacks: comparing two equal 200 KB strings built apart, forever; expect: LuaInstructionLimitError
local a = ("x"):rep(2e5)
local b = ("x"):rep(2e5 - 1) .. "x"
while true do local e = a == b local l = a < b end
