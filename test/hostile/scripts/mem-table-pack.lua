-- attacks: tables made by table.pack of 100k values passed as varargs, kept (copying the 100k values is charged as 100k instructions, so the instruction limit can come first); expect: LuaMemoryLimitError|LuaInstructionLimitError
local t = {}
for i = 1, 100000 do t[i] = i end
local keep = {}
local function loop(...) while true do keep[#keep + 1] = table.pack(...) end end
loop(table.unpack(t))
