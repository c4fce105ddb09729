-- debug.sethook with a count: events every N instructions; gethook; hooks are per coroutine
local n = 0
debug.sethook(function (event) assert(event == "count"); n = n + 1 end, "", 1)
for i = 1, 1000 do end
debug.sethook()
print("count 1:", n > 1000 and n < 1012)

n = 0
debug.sethook(function () n = n + 1 end, "", 4)
for i = 1, 1000 do end
local n4 = n
print(debug.gethook() ~= nil, select(2, debug.gethook()), select(3, debug.gethook()))
debug.sethook()
print("count 4:", n4 > 245 and n4 < 256)

n = 0
debug.sethook(function () n = n + 1 end, "", 100000)
for i = 1, 1000 do end
debug.sethook()
print("count 100000:", n)

-- masks as gethook reports them
local function h() end
debug.sethook(h, "lrc", 7)
print(select(2, debug.gethook()), select(3, debug.gethook()))
debug.sethook(h, "x")
print(debug.gethook())
debug.sethook(h, "", 0)
print(debug.gethook())
debug.sethook()
print(debug.gethook())

-- hooks belong to a thread
local co = coroutine.create(function (a)
  local b = coroutine.yield(a + 1)
  return b * 2
end)
local trace = {}
debug.sethook(co, function (e, l) trace[#trace + 1] = e end, "crl")
print("main hook:", debug.gethook())
print(coroutine.resume(co, 1))
print(coroutine.resume(co, 5))
print(table.concat(trace, " "))
print("co hook set:", debug.gethook(co) ~= nil)

-- a coroutine created while a hook is set has its mask and count but no function
debug.sethook(h, "l", 3)
local co2 = coroutine.create(function () return 1 end)
debug.sethook()
print(debug.gethook(co2))
print(coroutine.resume(co2))
