-- A class helper supporting several levels of inheritance and constructors chaining.
local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, { __index = parent }) end
  c.super = parent
  c.new = function(...)
    local o = setmetatable({}, c)
    if o.init then o:init(...) end
    return o
  end
  return c
end
local Shape = class()
function Shape:init(name) self.name = name end
function Shape:describe() return self.name .. " with area " .. string.format("%.2f", self:area()) end
function Shape:area() return 0 end
local Rect = class(Shape)
function Rect:init(w, h) Shape.init(self, "rect"); self.w, self.h = w, h end
function Rect:area() return self.w * self.h end
local Square = class(Rect)
function Square:init(s) Rect.init(self, s, s); self.name = "square" end
local Circle = class(Shape)
function Circle:init(r) self.super.init(self, "circle"); self.r = r end
function Circle:area() return math.pi * self.r ^ 2 end
for _, s in ipairs({ Shape.new("blob"), Rect.new(2, 3), Square.new(4), Circle.new(1) }) do print(s:describe()) end
print(Square.super == Rect, Rect.super == Shape, Shape.super)
local sq = Square.new(2)
print(sq.area == Rect.area, rawget(Square, "area"), sq.describe == Shape.describe)
