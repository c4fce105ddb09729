-- attacks: resuming and yielding forever; expect: LuaInstructionLimitError
local co = coroutine.wrap(function()
  while true do coroutine.yield(1) end
end)
while true do co() end
