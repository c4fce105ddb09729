-- ... in table constructors expands to all values when it is the last item.
local function t1(...) return { ... } end
local function t2(...) return { ..., "end" } end
local function t3(...) return { "start", ... } end
local function t4(...) return { n = select("#", ...), ... } end
local a = t1(1, 2, 3)
print(#a, a[1], a[3])
local b = t2(1, 2, 3)
print(#b, b[1], b[2])
local c = t3(1, 2, 3)
print(#c, c[1], c[4])
local d = t4(nil, nil, "x")
print(d.n, d[1], d[3])
local e = t1()
print(#e, next(e))
local function count_nonnil(...)
  local n = 0
  for i = 1, select("#", ...) do if select(i, ...) ~= nil then n = n + 1 end end
  return n
end
print(count_nonnil(1, nil, 3, nil, 5))
local function packed(...) local p = table.pack(...) return p.n, #{ ... } end
print(packed(1, 2, 3))
