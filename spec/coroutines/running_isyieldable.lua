-- coroutine.running and coroutine.isyieldable in the main thread and inside coroutines.
local co_main, ismain = coroutine.running()
print(ismain, coroutine.isyieldable())
local co
co = coroutine.create(function()
  local me, main = coroutine.running()
  print(me == co, main, coroutine.isyieldable())
  print(pcall(function() return coroutine.isyieldable() end))
  print(coroutine.isyieldable(co_main), coroutine.isyieldable(co))
end)
coroutine.resume(co)
print(coroutine.isyieldable(co))
local w = coroutine.wrap(function() return coroutine.isyieldable(), select(2, coroutine.running()) end)
print(w())
