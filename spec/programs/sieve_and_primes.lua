-- Prime numbers: sieve of Eratosthenes, factorisation and a primality test.
local function sieve(n)
  local is = {}
  for i = 2, n do is[i] = true end
  for i = 2, math.floor(math.sqrt(n)) do
    if is[i] then for j = i * i, n, i do is[j] = false end end
  end
  local primes = {}
  for i = 2, n do if is[i] then primes[#primes + 1] = i end end
  return primes
end
local p = sieve(100000)
print(#p, p[1], p[100], p[#p])
local function factor(n)
  local f = {}
  local d = 2
  while d * d <= n do
    while n % d == 0 do f[#f + 1] = d; n = n // d end
    d = d + 1
  end
  if n > 1 then f[#f + 1] = n end
  return table.concat(f, "*")
end
print(factor(360), factor(97), factor(1234567890), factor(2^31 - 1 | 0), factor(600851475143))
local function is_prime(n)
  if n < 2 then return false end
  for i = 2, math.floor(math.sqrt(n)) do if n % i == 0 then return false end end
  return true
end
local twins = {}
for i = 3, 200, 2 do if is_prime(i) and is_prime(i + 2) then twins[#twins + 1] = i .. "/" .. (i + 2) end end
print(table.concat(twins, " "))
