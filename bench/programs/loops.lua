-- loops: integer arithmetic in numeric for, while and repeat loops.
-- Every value stays below 2^31 so 32-bit-integer Luas (fengari) agree.
-- size: full=3000 quick=1000
local n = tonumber(arg and arg[1]) or 3000

-- nested numeric for with + - * // % and bitwise and
local sum = 0
for i = 1, n do
  local acc = 0
  for j = 1, n do
    acc = acc + (i * j) % 7 + (i + j) // 3 - (j & 3)
  end
  sum = (sum + acc) % 1000000007
end

-- while loop: Collatz chain lengths (every start below 100000 peaks below 2^31)
local limit = n * 10
if limit > 99999 then limit = 99999 end
local longest, longestStart = 0, 0
local k = 1
while k <= limit do
  local x, steps = k, 0
  while x ~= 1 do
    if x % 2 == 0 then x = x // 2 else x = 3 * x + 1 end
    steps = steps + 1
  end
  if steps > longest then longest, longestStart = steps, k end
  k = k + 1
end

-- repeat loop: digit sums counting down
local digits = 0
local m = n * 100
repeat
  local v = m
  repeat
    digits = digits + v % 10
    v = v // 10
  until v == 0
  m = m - 1
until m == 0

print(string.format("loops %d: sum=%d collatz=%d@%d digits=%d", n, sum, longest, longestStart, digits))
