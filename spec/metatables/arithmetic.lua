-- The arithmetic metamethods, with the operand order they receive.
local mt = {}
local function V(x) return setmetatable({ x = x }, mt) end
local function val(v) return type(v) == "table" and ("V" .. v.x) or tostring(v) end
for _, op in ipairs({ "add", "sub", "mul", "div", "mod", "pow", "unm", "idiv" }) do
  mt["__" .. op] = function(a, b) return op .. "(" .. val(a) .. "," .. val(b) .. ")" end
end
local a, b = V(1), V(2)
print(a + b, a - b, a * b, a / b)
print(a % b, a ^ b, -a, a // b)
print(a + 10, 10 + a, a * 2.5, "3" - a)
print(2 ^ b, b // 7)
local num = setmetatable({}, { __add = function(x, y) return 100 end })
print(num + 1, 1 + num, num + num)
local only_right = setmetatable({}, { __sub = function(x, y) return type(x) .. "-" .. type(y) end })
print(5 - only_right, only_right - 5)
print(pcall(function() return {} + 1 end))
print(pcall(function() return a + {} end))
