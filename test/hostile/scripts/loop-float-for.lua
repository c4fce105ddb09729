-- attacks: a numeric for loop up to math.huge; expect: LuaInstructionLimitError
for i = 1, math.huge do end
