-- Automatic collections find garbage whichever instruction a collection step lands on:
-- the loops below allocate until the finalizer of the first object has run, with the
-- instruction count shifted a little each time.
for k = 1, 12 do
  local finish = false
  local u = setmetatable({}, {__gc = function () finish = true end})
  local pad = 0
  for i = 1, k do pad = pad + i end
  repeat u = {} until finish
  finish = false
  u = setmetatable({}, {__gc = function () finish = true end})
  local i = 0
  repeat i = i + 1; u = tostring(i) .. tostring(i) until finish
  finish = false
  u = setmetatable({}, {__gc = function () finish = true end})
  repeat local j; u = function () return j end until finish
end
print("automatic collections ran finalizers")

-- the collector is not reentrant: inside a finalizer every option fails
setmetatable({}, {__gc = function ()
  print("in __gc:", collectgarbage(), collectgarbage("count"), collectgarbage("isrunning"),
        collectgarbage("step"), collectgarbage("stop"), collectgarbage("incremental"))
end})
collectgarbage()
print("after:", collectgarbage("isrunning"))

-- pause and step multiplier are stored the way the reference collector stores them
for _, v in ipairs{0, 3, 4, 100, 200, 1000, 1023, 1024, 1025, 0x7ffffffe, -4, -5, -1000, 2^40} do
  collectgarbage("setpause", v)
  collectgarbage("setstepmul", v)
  print(v, collectgarbage("setpause", 200), collectgarbage("setstepmul", 100))
end

-- a huge pause restored before a collection leaves automatic collections working
collectgarbage("setpause", 0x7ffffffe)
collectgarbage("setpause", 200)
collectgarbage()
local finish = false
local u = setmetatable({}, {__gc = function () finish = true end})
repeat u = {} until finish
print("collected after restoring the pause")

-- weak tables: string keys are values, the live ones count as memory
collectgarbage(); collectgarbage()
local m = collectgarbage("count")
local a = setmetatable({}, {__mode = "kv"})
a[string.rep("a", 2^20)] = 25
a[string.rep("b", 2^20)] = {}
print(collectgarbage("count") > m + 2^11)
collectgarbage()
print(collectgarbage("count") >= m + 2^10, collectgarbage("count") < m + 2^11)
print(next(a) == string.rep("a", 2^20), select(2, next(a)))
