-- Locals of an enclosing function are visible in nested functions; locals of callers are not.
local function caller()
  local secret = "caller's"
  return callee_global()
end
function callee_global() return secret end
print(caller())
local v = "chunk level"
local function reader() return v end
local function writer() v = "written" end
writer()
print(reader(), v)
local function shadow_param(v) return function() return v end end
print(shadow_param("param")(), v)
local function level() local v = "level"; return function() local v = v .. "+inner"; return v end end
print(level()())
