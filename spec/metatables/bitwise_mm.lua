-- The bitwise metamethods.
local mt = {}
local function B(x) return setmetatable({ x = x }, mt) end
local function val(v) return type(v) == "table" and ("B" .. v.x) or tostring(v) end
for _, op in ipairs({ "band", "bor", "bxor", "shl", "shr", "bnot" }) do
  mt["__" .. op] = function(a, b) return op .. "(" .. val(a) .. "," .. val(b) .. ")" end
end
local a, b = B(1), B(2)
print(a & b, a | b, a ~ b, a << b, a >> b, ~a)
print(a & 1, 1 | a, 3 ~ b, 1 << a, a >> 2)
print(1.5 & a, a | "x")
local float_mt = setmetatable({}, { __band = function(x, y) return "band handles it" end })
print(2.5 & float_mt)
print(pcall(function() return 2.5 & 1 end))
print(pcall(function() return {} | 1 end))
