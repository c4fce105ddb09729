-- Classic coroutine generators: permutations and a prime sieve pipeline.
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local function permutations(a) return coroutine.wrap(function() permgen(a) end) end
for p in permutations({ "a", "b", "c" }) do io.write(table.concat(p), " ") end
print()
local function gen_numbers(n) return coroutine.wrap(function() for i = 2, n do coroutine.yield(i) end end) end
local function filter(p, g)
  return coroutine.wrap(function()
    for x in g do if x % p ~= 0 then coroutine.yield(x) end end
  end)
end
local primes = {}
local g = gen_numbers(60)
while true do
  local p = g()
  if p == nil then break end
  primes[#primes + 1] = p
  g = filter(p, g)
end
print(table.concat(primes, " "))
