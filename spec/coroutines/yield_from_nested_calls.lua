-- A yield deep inside ordinary nested Lua calls suspends the whole coroutine.
local function level3(x) return coroutine.yield("level3 got " .. x) end
local function level2(x) return level3(x * 2) .. "+2" end
local function level1(x) return level2(x + 1) .. "+1" end
local co = coroutine.create(level1)
print(coroutine.resume(co, 5))
print(coroutine.resume(co, "answer"))
local function recursive(n)
  if n == 0 then return coroutine.yield("bottom") end
  return recursive(n - 1) + 1
end
local co2 = coroutine.create(recursive)
print(coroutine.resume(co2, 100))
print(coroutine.resume(co2, 0))
local co3 = coroutine.wrap(function()
  local t = {}
  for i = 1, 3 do t[i] = (function() return coroutine.yield(i) end)() end
  return table.concat(t, ",")
end)
print(co3(), co3("a"), co3("b"), co3("c"))
