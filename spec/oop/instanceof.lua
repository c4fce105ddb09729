-- Walking the metatable chain to implement is_instance / is_subclass.
local function class(parent)
  local c = setmetatable({}, { __index = parent })
  c.__index = c
  c.parent = parent
  return c
end
local function is_instance(obj, cls)
  local mt = getmetatable(obj)
  while mt do
    if mt == cls then return true end
    mt = mt.parent
  end
  return false
end
local A = class()
local B = class(A)
local C = class(B)
local D = class(A)
local c = setmetatable({}, C)
local d = setmetatable({}, D)
print(is_instance(c, C), is_instance(c, B), is_instance(c, A), is_instance(c, D))
print(is_instance(d, A), is_instance(d, B), is_instance({}, A), is_instance("str", A))
local names = { [A] = "A", [B] = "B", [C] = "C", [D] = "D" }
local chain = {}
local mt = getmetatable(c)
while mt do chain[#chain + 1] = names[mt]; mt = mt.parent end
print(table.concat(chain, " -> "))
