-- Many values through resume and yield.
local co = coroutine.wrap(function(...)
  local n = select("#", ...)
  local got = table.pack(coroutine.yield(n, ...))
  return got.n, table.unpack(got, 1, got.n)
end)
local t = {}
for i = 1, 200 do t[i] = i end
local r = table.pack(co(table.unpack(t)))
print(r.n, r[1], r[2], r[201])
local r2 = table.pack(co(table.unpack(t, 1, 150)))
print(r2.n, r2[1], r2[151])
local co2 = coroutine.create(function() return end)
print(select("#", coroutine.resume(co2)))
local co3 = coroutine.create(function() coroutine.yield() end)
print(select("#", coroutine.resume(co3)), select("#", coroutine.resume(co3)))
