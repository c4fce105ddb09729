-- coroutine.wrap returns a function that resumes the coroutine and propagates errors.
local gen = coroutine.wrap(function()
  for i = 1, 3 do coroutine.yield(i) end
  return "done"
end)
print(gen(), gen(), gen(), gen())
print(pcall(gen))
local function iter(t)
  return coroutine.wrap(function() for _, v in ipairs(t) do coroutine.yield(v) end end)
end
for v in iter({ "x", "y", "z" }) do io.write(v, " ") end
print()
local failing = coroutine.wrap(function() coroutine.yield(1) error("inside wrap") end)
print(failing())
print(pcall(failing))
local failing_table = coroutine.wrap(function() error({ code = 5 }) end)
local ok, e = pcall(failing_table)
print(ok, type(e), e.code)
local nonstr = coroutine.wrap(function() error(42) end)
print(pcall(nonstr))
print(type(gen))
