-- Error values that are tables pass through pcall unchanged and can carry methods.
local Err = {}
Err.__index = Err
Err.__tostring = function(e) return e.kind .. ": " .. e.msg end
local function throw(kind, msg) error(setmetatable({ kind = kind, msg = msg }, Err)) end
local ok, e = pcall(throw, "ValueError", "bad value")
print(ok, getmetatable(e) == Err, e.kind, e.msg, tostring(e))
local function try_catch(f, handlers)
  local ok, err = pcall(f)
  if ok then return "ok" end
  local h = type(err) == "table" and handlers[err.kind] or handlers.default
  return h(err)
end
print(try_catch(function() throw("IOError", "disk") end, {
  IOError = function(e) return "io handled: " .. e.msg end, default = function(e) return "default" end }))
print(try_catch(function() error("plain") end, { default = function(e) return "default: " .. e end }))
print(try_catch(function() end, {}))
local same = {}
local ok2, e2 = pcall(error, same)
print(e2 == same)
local ok3, e3 = pcall(function() local inner = select(2, pcall(error, same)); error(inner) end)
print(e3 == same)
