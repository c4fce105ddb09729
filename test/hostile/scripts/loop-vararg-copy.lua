-- attacks: a call passing 200k varargs through, forever (copying per call); expect: LuaInstructionLimitError
local t = {}
for i = 1, 200000 do t[i] = i end
local function pass(...) return select("#", ...) end
local function loop(...) while true do pass(...) end end
loop(table.unpack(t))
