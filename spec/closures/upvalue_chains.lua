-- Upvalues of upvalues: an inner function captures a variable two levels up, after it was modified.
local function a()
  local v = "a0"
  local function b()
    local function c() return v end
    v = "a1"
    return c
  end
  local c = b()
  local before = c()
  v = "a2"
  return before, c()
end
print(a())
local function chain()
  local log = {}
  local function add(x) log[#log + 1] = x; return add end
  return add, function() return table.concat(log, ",") end
end
local add, show = chain()
add(1)(2)(3)
print(show())
local mk = function()
  local n = 0
  return { inc = function() n = n + 1 end, get = function() return n end,
           reset = function() local old = n; n = 0; return old end }
end
local o1, o2 = mk(), mk()
o1.inc(); o1.inc(); o2.inc()
print(o1.get(), o2.get(), o1.reset(), o1.get())
