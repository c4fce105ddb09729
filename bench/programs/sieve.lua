-- sieve: the sieve of Eratosthenes over a boolean array, repeated; array-part
-- table stores and loads.
-- size: full=100 quick=15
local n = tonumber(arg and arg[1]) or 100

local SIZE = 100000
local count, sum = 0, 0
for _ = 1, n do
  local composite = {}
  for i = 1, SIZE do composite[i] = false end
  count, sum = 0, 0
  for i = 2, SIZE do
    if not composite[i] then
      count = count + 1
      sum = (sum + i) % 1000000007
      -- i <= SIZE // i keeps i * i from overflowing 32-bit integers (fengari)
      if i <= SIZE // i then
        for j = i * i, SIZE, i do composite[j] = true end
      end
    end
  end
end
print(string.format("sieve x%d: %d primes below %d, sum mod p = %d", n, count, SIZE + 1, sum))
