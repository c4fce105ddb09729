-- Mixins: copying methods from several tables into a class.
local function include(class, ...)
  for _, mixin in ipairs({ ... }) do
    local names = {}
    for name in pairs(mixin) do names[#names + 1] = name end
    table.sort(names)
    for _, name in ipairs(names) do
      if class[name] == nil then class[name] = mixin[name] end
    end
  end
  return class
end
local Comparable = {
  __lt = function(a, b) return a:compare(b) < 0 end,
  __le = function(a, b) return a:compare(b) <= 0 end,
  __eq = function(a, b) return a:compare(b) == 0 end,
}
local Printable = { __tostring = function(self) return self:describe() end, show = function(self) print(tostring(self)) end }
local Version = {}
Version.__index = Version
include(Version, Comparable, Printable)
function Version.new(a, b) return setmetatable({ major = a, minor = b }, Version) end
function Version:compare(o) if self.major ~= o.major then return self.major - o.major end return self.minor - o.minor end
function Version:describe() return "v" .. self.major .. "." .. self.minor end
local v1, v2, v3 = Version.new(1, 2), Version.new(1, 10), Version.new(1, 2)
print(v1 < v2, v2 <= v1, v1 == v3, v1 ~= v2)
v2:show()
local list = { Version.new(2, 0), v2, v1, Version.new(0, 9) }
table.sort(list)
for i, v in ipairs(list) do list[i] = tostring(v) end
print(table.concat(list, " "))
