-- oop: method calls on objects built with metatables: classes whose __index is
-- the class table, a three-level inheritance chain, super calls, and accessors.
-- size: full=1500000 quick=200000
local n = tonumber(arg and arg[1]) or 1500000

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, { __index = parent }) end
  c.new = function(...)
    local o = setmetatable({}, c)
    o:init(...)
    return o
  end
  return c
end

local Shape = class()
function Shape:init(name) self.name = name; self.moves = 0 end
function Shape:move(dx, dy) self.moves = self.moves + 1; return dx + dy end
function Shape:area() return 0 end
function Shape:describe() return self.name end

local Rect = class(Shape)
function Rect:init(w, h) Shape.init(self, "rect"); self.w = w; self.h = h end
function Rect:area() return self.w * self.h end
function Rect:perimeter() return 2 * (self.w + self.h) end

local Square = class(Rect)
function Square:init(s) Rect.init(self, s, s); self.name = "square" end
function Square:side() return self.w end

local Triangle = class(Shape)
function Triangle:init(b, h) Shape.init(self, "triangle"); self.b = b; self.h = h end
function Triangle:area() return (self.b * self.h) // 2 end

local Counter = class()
function Counter:init() self.count = 0; self.total = 0 end
function Counter:add(shape)
  self.count = self.count + 1
  self.total = (self.total + shape:area()) % 1000003
  return self
end
function Counter:get() return self.total end

local shapes = {}
for i = 1, 100 do
  local k = i % 3
  if k == 0 then shapes[i] = Rect.new(i % 17 + 1, i % 11 + 1)
  elseif k == 1 then shapes[i] = Square.new(i % 23 + 1)
  else shapes[i] = Triangle.new(i % 19 + 2, i % 13 + 2) end
end

local counter = Counter.new()
local moved, perims = 0, 0
for i = 1, n do
  local s = shapes[i % 100 + 1]
  counter:add(s)
  moved = moved + s:move(i % 3, 1)
  if s.perimeter then perims = (perims + s:perimeter()) % 1000003 end
  if i % 1000 == 0 then
    -- some allocation: short-lived objects
    local tmp = Square.new(i % 50 + 1)
    perims = (perims + tmp:side() + #tmp:describe()) % 1000003
  end
end
local totalMoves = 0
for i = 1, 100 do totalMoves = totalMoves + shapes[i].moves end
print(string.format("oop %d: areas=%d moved=%d perims=%d moves=%d",
  n, counter:get(), moved, perims, totalMoves))
