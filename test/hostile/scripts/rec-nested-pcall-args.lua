-- attacks: pcall(pcall, pcall, ... 100k times ..., error): every level copies the rest of the arguments; expect: LuaInstructionLimitError
local t = {}
for i = 1, 100000 do t[i] = pcall end
t[#t + 1] = error
while true do pcall(table.unpack(t)) end
