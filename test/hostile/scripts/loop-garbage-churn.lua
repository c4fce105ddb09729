-- attacks: allocating garbage tables forever (garbage does not count against memory); expect: LuaInstructionLimitError
while true do local t = { 1, 2, 3, x = {} } end
