-- Backward goto builds loops.
local i = 1
::top::
io.write(i, " ")
i = i + 1
if i <= 5 then goto top end
print()
local function gcd(a, b)
  ::again::
  if b == 0 then return a end
  a, b = b, a % b
  goto again
end
print(gcd(48, 18), gcd(17, 5), gcd(100, 75))
local n, steps = 27, 0
::collatz::
if n ~= 1 then
  n = (n % 2 == 0) and n // 2 or 3 * n + 1
  steps = steps + 1
  goto collatz
end
print(steps)
do
  local k = 0
  ::loop::
  local captured = k
  k = k + 1
  if k < 3 then goto loop end
  print(captured, k)
end
