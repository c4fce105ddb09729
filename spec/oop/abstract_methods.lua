-- Abstract methods that raise errors, and interfaces checked at run time.
local Base = {}
Base.__index = Base
function Base:area() error("abstract method 'area' not implemented by " .. (self.kind or "?"), 2) end
function Base:report() return self.kind .. ": " .. self:area() end
local Good = setmetatable({ kind = "good" }, { __index = Base })
Good.__index = Good
function Good:area() return 42 end
local Bad = setmetatable({ kind = "bad" }, { __index = Base })
Bad.__index = Bad
print(setmetatable({}, Good):report())
print(pcall(function() return setmetatable({}, Bad):report() end))
local function implements(obj, ...)
  for _, m in ipairs({ ... }) do
    if type(obj[m]) ~= "function" then return false, "missing " .. m end
  end
  return true
end
print(implements(setmetatable({}, Good), "area", "report"))
print(implements({ area = 1 }, "area"))
print(implements({}, "area", "report"))
