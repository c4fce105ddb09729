-- Local declarations with several names, attributes and value adjustment.
local a, b, c = 1, 2
print(a, b, c)
local d, e = 1, 2, 3, print("extra expressions are evaluated")
print(d, e)
local function two() return "x", "y" end
local f, g, h = two()
print(f, g, h)
local i, j, k = two(), "z"
print(i, j, k)
local l, m <const>, n = 10, 20, 30
print(l, m, n)
local p <const>, q <close> = "const", nil
print(p, q)
print(load("local a <close>, b <close> = nil, nil"))
print(load("local a <unknown> = 1"))
print(load("local a <const"))
local x = 1
local x, y = x + 1, x + 2
print(x, y)
