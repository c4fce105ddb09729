-- Objects built by the same constructor share one layout of keys; a method call site
-- that has learnt "this layout has no such key of its own" must still see a field an
-- object gets later (its layout is copied then), a method added to the class, a
-- different class, and __index changed or removed. Each phase runs the sites hot.
local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({ x = x, y = y }, Point) end
function Point:sum() return self.x + self.y end
function Point:name() return "point" end

local Other = {}
Other.__index = Other
function Other:sum() return -1 end
function Other:name() return "other" end

local pts = {}
for i = 1, 10 do pts[i] = Point.new(i, i * 2) end

local function sweep(tag)
  local total, names = 0, {}
  for _ = 1, 300 do
    total = 0
    for i = 1, #pts do
      local p = pts[i]
      total = total + p:sum()
      names[i] = p:name()
    end
  end
  print(tag, total, table.concat(names, ","))
end

sweep("start")

-- an own field shadows the class's method on one object only
pts[4].name = function() return "own" end
pts[6].sum = function() return 1000 end
sweep("own fields")

-- an object built later by the same constructor, then given the key its layout lacks
local q = Point.new(0, 0)
pts[11] = q
sweep("new object")
q.name = function() return "late" end
sweep("late field")

-- an object whose keys were stored one by one under computed names has a layout of its
-- own, which grows in place when it gets the method's name as a key
local solo = setmetatable({}, Point)
for _, k in ipairs({ "x", "y", "extra" }) do solo[k] = #k end
pts[12] = solo
local function soloCalls()
  local r
  for _ = 1, 2000 do r = solo:name() .. " " .. solo:sum() end
  return r
end
print("solo", soloCalls())
sweep("solo")
solo.name = function() return "solo own" end
solo.sum = function() return 500 end
print("solo", soloCalls())
sweep("solo fields")
pts[12] = nil

-- removing the own fields again
pts[4].name = nil
pts[6].sum = nil
q.name = nil
sweep("removed")

-- a method added to the class, then the class swapped on one object
function Point:name() return "point2" end
sweep("class changed")
setmetatable(pts[2], Other)
sweep("other class")

-- __index replaced by a function, then removed
Point.__index = function(t, k) return function() return k end end
local ok, err = pcall(sweep, "index function")
print(ok, err)
Point.__index = nil
print(pcall(sweep, "no index"))
