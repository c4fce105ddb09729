-- A class as a metatable whose __index is itself.
local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({ x = x, y = y }, Point) end
function Point:length2() return self.x * self.x + self.y * self.y end
function Point:move(dx, dy) self.x = self.x + dx; self.y = self.y + dy; return self end
function Point:__tostring() return "(" .. self.x .. "," .. self.y .. ")" end
Point.__tostring = Point.__tostring
local p = Point.new(3, 4)
print(p.x, p.y, p:length2(), Point.length2(p))
print(tostring(p:move(1, 1)), p:length2())
local q = Point.new(0, 0)
print(tostring(q), getmetatable(q) == Point, rawget(q, "move"), q.move == Point.move)
print(pcall(Point.length2, {}))
print(pcall(function() return p:nonexistent() end))
