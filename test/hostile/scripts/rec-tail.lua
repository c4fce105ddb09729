-- attacks: an endless tail call (no stack growth); expect: LuaInstructionLimitError
local function f(n) return f(n + 1) end
return f(0)
