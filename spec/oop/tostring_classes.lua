-- __tostring and __name inherited through class tables; __eq between instances of one class.
local Base = { __name = "Base" }
Base.__index = Base
Base.__tostring = function(o) return getmetatable(o).__name .. "(" .. o.id .. ")" end
Base.__eq = function(a, b) return a.id == b.id end
local Derived = setmetatable({ __name = "Derived" }, { __index = Base })
Derived.__index = Derived
Derived.__tostring = Base.__tostring
Derived.__eq = Base.__eq
local b1, b2 = setmetatable({ id = 1 }, Base), setmetatable({ id = 1 }, Base)
local d1 = setmetatable({ id = 1 }, Derived)
print(tostring(b1), tostring(d1), b1 == b2, b1 == d1, rawequal(b1, b2))
local list = { setmetatable({ id = 3 }, Base), d1, b2 }
for i, o in ipairs(list) do list[i] = tostring(o) end
print(table.concat(list, ", "))
local Plain = { __index = {} }
local p = setmetatable({}, Plain)
print(tostring(p):sub(1, 6))
print(pcall(function() return Derived.missing_method(d1) end))
