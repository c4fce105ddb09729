-- attacks: s = s .. s forever; expect: LuaMemoryLimitError
local s = "x"
while true do s = s .. s end
