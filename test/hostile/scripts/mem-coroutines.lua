-- attacks: an endless list of suspended coroutines; expect: LuaMemoryLimitError
local t = {}
while true do
  local co = coroutine.create(function(...) coroutine.yield(...) end)
  coroutine.resume(co, 1, 2, 3, {})
  t[#t + 1] = co
end
