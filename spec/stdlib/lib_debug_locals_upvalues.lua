-- debug.getlocal/setlocal/getupvalue/setupvalue/upvalueid/upvaluejoin: names, varargs, C functions, errors.
local function locals(level)
  local out, i = {}, 1
  while true do
    local name, value = debug.getlocal(level + 1, i)
    if not name then break end
    out[#out + 1] = name .. "=" .. (type(value) == "function" and "<function>" or tostring(value))
    i = i + 1
  end
  return table.concat(out, " ")
end
local function f(a, b, ...)
  local c = a * 2
  do local inner = "scoped" end
  print(locals(1))
  print(debug.getlocal(1, -1), debug.getlocal(1, -2), debug.getlocal(1, -3))
  print(debug.setlocal(1, 1, 100), a, debug.setlocal(1, -1, "vararg"), ...)
  print(debug.setlocal(1, 50, 0), debug.getlocal(1, 50))
end
f(1, 2, "x", "y")
-- parameter names of a function value (no level)
print(debug.getlocal(f, 1), debug.getlocal(f, 2), debug.getlocal(f, 3), debug.getlocal(print, 1))
print(pcall(debug.getlocal, 100, 1))
print(pcall(debug.setlocal, 100, 1, 1))
print(pcall(debug.getlocal))
print(pcall(debug.getlocal, 1))
print(pcall(debug.getlocal, {}, 1))
print(pcall(debug.setlocal, 1, 1))
-- a coroutine's locals
local co = coroutine.create(function(p) local q = p + 1 coroutine.yield() end)
coroutine.resume(co, 10)
print(debug.getlocal(co, 1, 1), debug.getlocal(co, 1, 2))
print(debug.setlocal(co, 1, 2, 99), debug.getlocal(co, 1, 2))
print(pcall(debug.getlocal, co, 5, 1))
-- upvalues
local x, y = 1, 2
local function h() return x + y end
print(debug.getupvalue(h, 1), debug.getupvalue(h, 2), debug.getupvalue(h, 3), debug.getupvalue(h, 0))
print(debug.setupvalue(h, 2, 40), y, h())
print(debug.setupvalue(h, 3, 0), debug.setupvalue(h, -1, 0))
print(select("#", debug.getupvalue(print, 1)), select("#", debug.setupvalue(print, 1, 0)))
local env_name, env_value = debug.getupvalue(load("return x"), 1)
print(env_name, env_value == _G)
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.getupvalue, h))
print(pcall(debug.setupvalue, h, 1))
print(pcall(debug.getupvalue, h, "1"))
-- upvalueid and upvaluejoin
local function counter() local n = 0 return function() n = n + 1 return n end, function() return n end end
local inc, get = counter()
local inc2 = counter()
print(debug.upvalueid(inc, 1) == debug.upvalueid(get, 1), debug.upvalueid(inc, 1) == debug.upvalueid(inc2, 1))
print(type(debug.upvalueid(inc, 1)))
inc() inc()
print(get(), inc2())
debug.upvaluejoin(inc2, 1, inc, 1)
print(inc2(), get(), debug.upvalueid(inc, 1) == debug.upvalueid(inc2, 1))
print(pcall(debug.upvalueid, inc, 2))
print(pcall(debug.upvalueid, inc, 0))
print(pcall(debug.upvalueid, print, 1))
print(pcall(debug.upvalueid, {}, 1))
print(pcall(debug.upvaluejoin, inc, 2, get, 1))
print(pcall(debug.upvaluejoin, inc, 1, get, 2))
print(pcall(debug.upvaluejoin, print, 1, get, 1))
print(pcall(debug.upvaluejoin, inc, 1, print, 1))
print(pcall(debug.upvaluejoin, inc, 1))
