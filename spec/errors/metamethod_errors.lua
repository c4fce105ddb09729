-- Errors raised inside metamethods propagate with the metamethod's position.
local function try(f) print(select(2, pcall(f))) end
local mt = {
  __index = function(t, k) error("no key " .. k) end,
  __newindex = function(t, k, v) error("cannot set " .. k, 2) end,
  __add = function(a, b) error("cannot add") end,
  __call = function(self, x) return x.field end,
  __tostring = function() error("no string form", 0) end,
  __len = function() return nil + 1 end,
  __eq = function() error({ "eq table" }) end,
  __lt = function(a, b) return a.v < b.v end,
  __concat = function(a, b) error("no concat", 0) end,
  __unm = function() error() end,
}
local obj = setmetatable({}, mt)
try(function() return obj.missing end)
try(function() obj.x = 1 end)
try(function() return obj + 1 end)
try(function() return obj(nil) end)
try(function() return tostring(obj) end)
try(function() return #obj end)
print(type(select(2, pcall(function() return obj == setmetatable({}, mt) end))))
try(function() return obj < obj end)
try(function() return obj .. "x" end)
try(function() return -obj end)
