-- attacks: frontier patterns over 1 MB, repeated forever; expect: LuaInstructionLimitError
local s = ("a "):rep(500000)
while true do for w in s:gmatch("%f[%a]%a+") do end end
