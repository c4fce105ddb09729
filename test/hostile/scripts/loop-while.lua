-- attacks: a plain endless while loop; expect: LuaInstructionLimitError
while true do end
