-- closures: creating many closures, calling them, and sharing mutable upvalues
-- between closures; also higher-order helpers (map/filter/compose).
-- size: full=1000000 quick=150000
local n = tonumber(arg and arg[1]) or 1000000

local function makeAdder(k) return function(x) return x + k end end

local function makeCounter()
  local count = 0
  local function inc(by) count = count + by; return count end
  local function get() return count end
  return inc, get
end

local function compose(f, g) return function(x) return f(g(x)) end end

local function map(t, f)
  local r = {}
  for i = 1, #t do r[i] = f(t[i]) end
  return r
end

local function filter(t, p)
  local r = {}
  for i = 1, #t do if p(t[i]) then r[#r + 1] = t[i] end end
  return r
end

local total = 0
local inc, get = makeCounter()
for i = 1, n do
  local add = makeAdder(i % 100)
  local twice = compose(add, add)
  total = (total + twice(i % 1000)) % 1000003
  inc(i % 7)
end

-- closures in a loop capture a fresh variable per iteration
local fns = {}
for i = 1, 1000 do fns[i] = function() return i * 2 end end
local captured = 0
for r = 1, n // 1000 do
  for i = 1, #fns do captured = (captured + fns[i]() + r) % 1000003 end
end

-- map/filter with anonymous functions over a small list
local list = {}
for i = 1, 100 do list[i] = i end
local kept = 0
for r = 1, n // 200 do
  local sq = map(list, function(x) return x * x + r end)
  local ev = filter(sq, function(x) return x % 2 == 0 end)
  kept = kept + #ev
end

print(string.format("closures %d: total=%d counter=%d captured=%d kept=%d", n, total, get(), captured, kept))
