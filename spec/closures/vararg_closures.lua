-- Closures cannot use the enclosing function's ..., but can capture a table or locals made from it.
local function bind_all(...)
  local args = table.pack(...)
  return function() return table.unpack(args, 1, args.n) end
end
print(bind_all(1, nil, 3)())
print(select("#", bind_all(nil, nil)()))
local function first_and_rest(first, ...)
  local rest = { ... }
  return function() return first, #rest end
end
print(first_and_rest("a", "b", "c", "d")())
print(load("local function f(...) return function() return ... end end"))
local function counter_with(...)
  local n = select("#", ...)
  return function() n = n + 1; return n end
end
local c = counter_with(1, 2, 3)
print(c(), c())
