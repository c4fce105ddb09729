-- attacks: utf8.char with 100k six-byte code points per call, results kept (charged per code point, so 6 MB at most are built before the instruction limit); expect: LuaInstructionLimitError
local cps = {}
for i = 1, 100000 do cps[i] = 0x7FFFFFFF end
local keep = {}
local function loop(...) while true do keep[#keep + 1] = utf8.char(#keep, ...) end end
loop(table.unpack(cps))
