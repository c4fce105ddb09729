-- Closures created in the same scope share the same variable.
local function make()
  local value = 0
  local function get() return value end
  local function set(v) value = v end
  local function inc() value = value + 1 end
  return get, set, inc
end
local get, set, inc = make()
print(get())
set(10); inc(); inc()
print(get())
local get2, set2 = make()
set2(99)
print(get(), get2())
-- a local captured and then changed by the enclosing function
local x = 1
local function readx() return x end
x = 2
print(readx())
x = "three"
print(readx())
-- parameters are locals too
local function bind(p)
  local f = function() return p end
  p = p * 2
  return f
end
print(bind(21)())
