-- attacks: collectgarbage("step") under strict, forever, errors caught; expect: LuaInstructionLimitError
while true do assert(not pcall(collectgarbage, "step")) end
