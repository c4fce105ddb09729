-- next(t, k): the raw traversal primitive.
print(next({}))
local k, v = next({ "only" })
print(k, v)
print(next({ "only" }, 1))
local t = { a = 1, b = 2, c = 3, 4, 5 }
local n, sum = 0, 0
local key, val = next(t)
while key ~= nil do
  n = n + 1
  sum = sum + val
  key, val = next(t, key)
end
print(n, sum)
print(pcall(next, {}, "missing"))
print(pcall(next))
print(pcall(next, nil))
local with_nil = { x = 1 }
with_nil.x = nil
print(next(with_nil))
-- clearing fields during traversal is allowed
local clear = { a = 1, b = 2, c = 3, d = 4 }
for key in pairs(clear) do clear[key] = nil end
print(next(clear))
-- changing values of existing fields during traversal is allowed
local upd = { a = 1, b = 2, c = 3 }
for key, value in pairs(upd) do upd[key] = value * 10 end
print(upd.a, upd.b, upd.c)
print(next({}, nil), select("#", next({})))
