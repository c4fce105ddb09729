-- A 2D vector class with arithmetic, comparison, length and string metamethods.
local V = {}
V.__index = V
local function new(x, y) return setmetatable({ x = x, y = y }, V) end
V.__add = function(a, b) return new(a.x + b.x, a.y + b.y) end
V.__sub = function(a, b) return new(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b)
  if type(a) == "number" then return new(a * b.x, a * b.y) end
  if type(b) == "number" then return new(a.x * b, a.y * b) end
  return a.x * b.x + a.y * b.y
end
V.__unm = function(a) return new(-a.x, -a.y) end
V.__eq = function(a, b) return a.x == b.x and a.y == b.y end
V.__lt = function(a, b) return a:len() < b:len() end
V.__le = function(a, b) return a:len() <= b:len() end
V.__len = function(a) return 2 end
V.__tostring = function(a) return "<" .. a.x .. ", " .. a.y .. ">" end
V.__concat = function(a, b) return tostring(a) .. tostring(b) end
V.__call = function(a, i) return i == 1 and a.x or a.y end
V.__index = function(t, k) if k == "len" then return function(s) return math.sqrt(s.x ^ 2 + s.y ^ 2) end end return rawget(V, k) end
local a, b = new(1, 2), new(3, 4)
print(tostring(a + b), tostring(b - a), tostring(a * 2), tostring(3 * b), a * b)
print(tostring(-a), a == new(1, 2), a ~= b, a < b, b <= a, #a)
print(a .. b, a .. "!", a(1), a(2), b:len())
