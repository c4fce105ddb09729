-- attacks: churning weak-keyed and weak-valued caches (their garbage must not count against the memory limit); expect: LuaInstructionLimitError
local keys = setmetatable({}, { __mode = "k" })
local values = setmetatable({}, { __mode = "v" })
local i = 0
while true do
  i = i + 1
  keys[{}] = ("x"):rep(100)
  values[i] = { i }
end
