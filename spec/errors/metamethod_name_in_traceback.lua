-- the name a traceback gives a metamethod called by arithmetic with a constant operand
local function who()
  return (debug.traceback("", 2):match("in (metamethod '%w+')"))
end
local mt = {}
for _, ev in ipairs({ "add", "sub", "mul", "div", "mod", "pow", "idiv", "band", "bor", "bxor", "shl", "shr", "unm", "concat" }) do
  mt["__" .. ev] = function() local name = who(); return name end
end
local a = setmetatable({}, mt)
print(a + 1, a - 1, a - 127, a + -1, a - -1)
print(a + 1.5, a - 1.5, a * 2, a / 2, a % 3, a ^ 2, a // 2)
print(a & 1, a | 1, a ~ 1, a << 1, a >> 1, a << -1, a >> -1)
print(1 - a, 2 + a, -a, a .. "x")
local b = 300
print(a - b, a + b)
