-- Closures that capture variables of a coroutine body keep working after it yields or dies.
local getters = {}
local co = coroutine.create(function()
  local shared = 0
  getters.read = function() return shared end
  getters.bump = function() shared = shared + 1 end
  for i = 1, 3 do
    shared = shared + 10
    coroutine.yield(shared)
  end
  return "finished"
end)
print(coroutine.resume(co))
getters.bump()
print(getters.read())
print(coroutine.resume(co))
print(coroutine.resume(co), coroutine.resume(co))
print(coroutine.status(co), getters.read())
getters.bump()
print(getters.read())
local gens = {}
for i = 1, 3 do
  gens[i] = coroutine.wrap(function() local n = i while true do coroutine.yield(n) n = n + i end end)
end
print(gens[1](), gens[2](), gens[3](), gens[1](), gens[2](), gens[3]())
