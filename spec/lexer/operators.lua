-- Every operator and punctuation token of Lua 5.4.
local a, b = 7, 2
print(a + b, a - b, a * b, a / b, a % b, a ^ b, a // b)
print(-a, #"four", a & b, a | b, a ~ b, ~a, a << b, a >> b)
print(a == b, a ~= b, a <= b, a >= b, a < b, a > b)
print("con" .. "cat", "a" .. 1 .. 2)
local t = { [1] = "one"; two = "two", { "nested" } }
print(type(t[1]), t.two, t[1][1], t[2]) -- the positional item wins over [1]
local obj = { v = 10 }
function obj:get() return self.v end
print(obj:get(), obj.get(obj))
local function f(...) return select("#", ...) end
print(f(1, 2, 3), f())
;;; -- empty statements
::label:: print("label ok")
-- operators without spaces
print(1+2*3-4/2, 2^3^2, (2^3)^2, 7//2*2+7%2)
print(1<<2|1, 5&3~1, ~0>>60)
print(3 .. 4, 1 .. "", load("return 3...\"\""))
