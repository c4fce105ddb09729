-- Calling overridden methods of the parent class (super calls) through several levels.
local Base = {}
Base.__index = Base
function Base.new(name) return setmetatable({ name = name }, Base) end
function Base:describe() return "Base(" .. self.name .. ")" end
function Base:greet() return "hello from " .. self:describe() end
local Mid = setmetatable({}, { __index = Base })
Mid.__index = Mid
function Mid.new(name, level) local o = Base.new(name) o.level = level return setmetatable(o, Mid) end
function Mid:describe() return "Mid[" .. self.level .. "]<" .. Base.describe(self) .. ">" end
local Leaf = setmetatable({}, { __index = Mid })
Leaf.__index = Leaf
function Leaf.new(name) local o = Mid.new(name, 2) return setmetatable(o, Leaf) end
function Leaf:describe() return "Leaf{" .. Mid.describe(self) .. "}" end
function Leaf:greet() return Base.greet(self) .. "!" end
print(Base.new("b"):greet())
print(Mid.new("m", 1):greet())
print(Leaf.new("l"):greet())
local function super(class) return getmetatable(class).__index end
print(super(Leaf) == Mid, super(Mid) == Base, getmetatable(Base))
print(super(Leaf).describe(Leaf.new("x")))
