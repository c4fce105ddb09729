-- debug.sethook with "c" and "r": call, tail call and return events, names and transferred values
local events = {}
local function hook(event)
  local info = debug.getinfo(2, "nS")
  events[#events + 1] = event .. ":" .. (info.name or "?") .. ":" .. info.what
end

local function leaf(x) return x * 2 end
local function middle(x) return leaf(x) + 1 end
local function tail(x) return middle(x) end

debug.sethook(hook, "cr")
tail(3)
debug.sethook()
for i, e in ipairs(events) do print(i, e) end

-- C functions, pcall and metamethods
events = {}
local mt = {__index = function (t, k) return k end, __add = function (a, b) return 1 end}
local obj = setmetatable({}, mt)
debug.sethook(hook, "cr")
local _ = obj.field
local _ = obj + 1
pcall(error, "x")
local s = string.rep("a", 3)
debug.sethook()
for i, e in ipairs(events) do print(i, e) end

-- transferred values: parameters at call events, results at return events
local inp, out
local on = false
debug.sethook(function (event)
  if not on then return end
  local ar = debug.getinfo(2, "r")
  local t = {}
  for i = ar.ftransfer, ar.ftransfer + ar.ntransfer - 1 do
    local _, v = debug.getlocal(2, i)
    t[#t + 1] = tostring(v)
  end
  if event == "return" then out = t else inp = t end
end, "cr")
on = true; select(2, "a", "b", "c"); on = false
print("select in:", table.concat(inp, ","), "out:", table.concat(out, ","))
local function va(a, ...) return ... end
local function go() on = true; return va(10, 20, 30) end
go(); on = false
print("va in:", table.concat(inp, ","), "out:", table.concat(out, ","))
debug.sethook()

-- istailcall inside the hook, and the event name
local tails = 0
local function t2() return 1 end
local function t1() return t2() end
debug.sethook(function (event)
  local info = debug.getinfo(2, "t")
  if event == "tail call" then
    tails = tails + 1
    assert(info.istailcall)
  else
    assert(not info.istailcall)
  end
end, "c")
t1()
debug.sethook()
print("tail calls", tails)
