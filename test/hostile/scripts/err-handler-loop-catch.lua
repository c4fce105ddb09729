-- attacks: an error in a message handler caught in a loop, the handler recursing; expect: LuaInstructionLimitError
local function h(m) return xpcall(error, h) end
while true do xpcall(error, h) end
