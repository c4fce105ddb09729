-- Computed properties with getters and setters dispatched by __index/__newindex functions.
local Rect = {}
local getters = {
  area = function(r) return r._w * r._h end,
  perimeter = function(r) return 2 * (r._w + r._h) end,
  width = function(r) return r._w end,
  height = function(r) return r._h end,
}
local setters = {
  width = function(r, v) assert(type(v) == "number" and v > 0, "width must be positive") rawset(r, "_w", v) end,
  height = function(r, v) assert(type(v) == "number" and v > 0, "height must be positive") rawset(r, "_h", v) end,
}
Rect.__index = function(r, k)
  local g = getters[k]
  if g then return g(r) end
  return Rect[k]
end
Rect.__newindex = function(r, k, v)
  local s = setters[k]
  if not s then error("cannot set property '" .. tostring(k) .. "'", 2) end
  s(r, v)
end
function Rect.new(w, h) local r = setmetatable({}, Rect) r.width = w r.height = h return r end
function Rect:scale(f) self.width = self.width * f self.height = self.height * f return self end
local r = Rect.new(3, 4)
print(r.width, r.height, r.area, r.perimeter)
r:scale(2)
print(r.width, r.height, r.area)
print(pcall(function() r.area = 1 end))
print(pcall(function() r.width = -1 end))
print(rawget(r, "width"), rawget(r, "_w"))
