-- attacks: an endless loop inside pcall, itself in an endless loop; expect: LuaInstructionLimitError
while true do
  pcall(function() while true do end end)
end
