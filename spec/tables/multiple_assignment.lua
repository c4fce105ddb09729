-- Multiple assignment evaluates all expressions before assigning.
local a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
local x, y = 1
print(x, y)
local p, q = 1, 2, 3
print(p, q)
local t = { 1, 2, 3 }
local i = 1
i, t[i] = i + 1, "set"
print(i, t[1], t[2])
local function mr() return "m1", "m2", "m3" end
local m1, m2, m3, m4 = mr()
print(m1, m2, m3, m4)
local n1, n2 = mr(), "last"
print(n1, n2)
local u = {}
u.a, u.b, u.c = mr()
print(u.a, u.b, u.c)
local s1, s2 = (mr())
print(s1, s2)
local arr = { 10, 20 }
arr[1], arr[2] = arr[2], arr[1]
print(arr[1], arr[2])
