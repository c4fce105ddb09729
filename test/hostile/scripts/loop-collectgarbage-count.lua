-- attacks: calling the one collectgarbage option strict allows, forever; expect: LuaInstructionLimitError
while true do local kb = collectgarbage("count") end
