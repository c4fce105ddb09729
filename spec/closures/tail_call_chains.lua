-- Tail calls in long chains (a loop by tail recursion), into a function that raises an
-- error (its traceback), through a coroutine yield, and through __call; each runs often
-- enough that compiled code runs it too.
local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
for i = 1, 3 do print(loop(300000, 0)) end
local function a(n) if n == 0 then error("boom") end return a(n - 1) end
for i = 1, 1200 do pcall(a, 5) end
print(pcall(a, 3))
print(select(2, xpcall(a, debug.traceback, 2)))
local co = coroutine.wrap(function(n)
  local function y(k) if k == 0 then return coroutine.yield("y") end return y(k - 1) end
  for i = 1, 2000 do y(3) end
  return "end"
end)
local c = 0
while true do local r = co(1) c = c + 1 if r == "end" then break end end
print(c)
local mt = {__call = function(self, n) if n == 0 then return "called" end return self(n - 1) end}
local obj = setmetatable({}, mt)
local function viaCall(n) return obj(n) end
for i = 1, 2000 do viaCall(3) end
print(viaCall(10))
