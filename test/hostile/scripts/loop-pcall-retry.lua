-- attacks: catching errors forever: pcall(error) in an endless loop; expect: LuaInstructionLimitError
while true do
  pcall(error, "again")
  pcall(error, setmetatable({}, {}))
end
