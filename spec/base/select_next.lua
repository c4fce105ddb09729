-- select and next as ordinary functions.
print(select(1, "a", "b"), select(-1, "a", "b"), select("#", "a", "b"))
local t = { 10, 20, 30 }
local k, v = next(t)
print(k, v)
print(next(t, 3))
print(next({}, nil))
local sum = 0
for key, value in next, t do sum = sum + key * value end
print(sum)
print(pcall(next, t, 4))
print(pcall(next, t, 0))
local single = { x = 1 }
print(next(single))
print(next(single, "x"))
