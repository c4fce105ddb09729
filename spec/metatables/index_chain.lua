-- __index as a table: lookups follow the chain until a value or a missing __index.
local base = { a = "base a", shared = "base shared" }
local mid = setmetatable({ b = "mid b", shared = "mid shared" }, { __index = base })
local top = setmetatable({ c = "top c" }, { __index = mid })
print(top.a, top.b, top.c, top.shared, top.missing)
print(rawget(top, "a"), rawget(top, "c"))
base.late = "added later"
print(top.late)
top.shared = "own"
print(top.shared, mid.shared)
local depth = {}
local cur = depth
for i = 1, 50 do
  local nxt = { ["level" .. i] = i }
  setmetatable(cur, { __index = nxt })
  cur = nxt
end
print(depth.level1, depth.level25, depth.level50, depth.level51)
local falsy = setmetatable({ f = false }, { __index = { f = "from meta", n = "meta n" } })
print(falsy.f, falsy.n)
