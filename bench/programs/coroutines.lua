-- coroutines: generators with coroutine.wrap / resume / yield: a pipeline of
-- producer -> filter -> map -> consumer, and the classic chained-filter prime sieve.
-- size: full=400000 quick=60000
local n = tonumber(arg and arg[1]) or 400000

local function range(limit)
  return coroutine.wrap(function()
    for i = 1, limit do coroutine.yield(i) end
  end)
end

local function filter(pred, gen)
  return coroutine.wrap(function()
    for v in gen do if pred(v) then coroutine.yield(v) end end
  end)
end

local function map(f, gen)
  return coroutine.wrap(function()
    for v in gen do coroutine.yield(f(v)) end
  end)
end

local sum, cnt = 0, 0
for v in map(function(x) return x * 3 % 1000 end, filter(function(x) return x % 3 ~= 0 end, range(n))) do
  sum = sum + v
  cnt = cnt + 1
end

-- explicit resume/yield with values passed both ways
local co = coroutine.create(function(a)
  local acc = a
  while true do
    local x = coroutine.yield(acc)
    if x == nil then break end
    acc = (acc + x) % 1000003
  end
  return acc
end)
local _, acc = coroutine.resume(co, 1)
for i = 1, n do
  local ok, v = coroutine.resume(co, i)
  acc = v
end
local _, final = coroutine.resume(co)

-- prime sieve: a chain of filter coroutines
local function gen(limit)
  return coroutine.wrap(function()
    for i = 2, limit do coroutine.yield(i) end
  end)
end
local function sieveFilter(p, g)
  return coroutine.wrap(function()
    for v in g do if v % p ~= 0 then coroutine.yield(v) end end
  end)
end
-- the chain is kept shallow (primes below 200 -> 46 nested coroutines) because
-- each link nests a resume on the C stack of the reference interpreter
local primes, last = 0, 0
for _ = 1, n // 1000 do
  primes, last = 0, 0
  local g = gen(200)
  while true do
    local p = g()
    if p == nil then break end
    primes = primes + 1
    last = p
    g = sieveFilter(p, g)
  end
end

print(string.format("coroutines %d: sum=%d count=%d acc=%d final=%d primes=%d last=%d",
  n, sum, cnt, acc, final, primes, last))
