-- Values flow both ways: resume arguments become yield results and vice versa.
local co = coroutine.create(function(...)
  local args = table.pack(...)
  print("initial", args.n, ...)
  while true do
    local r = table.pack(coroutine.yield(args.n))
    print("resumed with", r.n, table.unpack(r, 1, r.n))
    if r.n == 0 then break end
    args = r
  end
  return "bye"
end)
print(coroutine.resume(co, "a", "b"))
print(coroutine.resume(co, 1, nil, 3))
print(coroutine.resume(co, nil))
print(coroutine.resume(co))
print(coroutine.resume(co))
local echo = coroutine.wrap(function(...) local t = table.pack(...) while true do t = table.pack(coroutine.yield(table.unpack(t, 1, t.n))) end end)
print(echo(1, 2, 3))
print(echo())
print(echo(nil, false))
print(select("#", echo(nil, nil, nil)))
