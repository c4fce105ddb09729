-- attacks: yielding across pcall forever inside nested coroutines; expect: LuaInstructionLimitError
local inner = coroutine.wrap(function()
  while true do pcall(coroutine.yield, "x") end
end)
local outer = coroutine.wrap(function()
  while true do coroutine.yield(inner()) end
end)
while true do outer() end
