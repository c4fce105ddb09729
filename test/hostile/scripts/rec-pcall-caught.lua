-- attacks: recursion through pcall, each level catching the overflow below it, then recursing again; expect: LuaInstructionLimitError
local function f() pcall(f) pcall(f) end
f()
