-- attacks: building and dropping 100 KB strings forever; expect: LuaInstructionLimitError
local n = 0
while true do
  local s = ("x"):rep(100000) .. n
  n = n + #s
end
