-- do ... end blocks limit the scope of locals; globals are visible everywhere.
do
  local a = "block a"
  g_from_block = "global set in block"
  print(a)
end
print(a, g_from_block)
local result
do
  local tmp1, tmp2 = 3, 4
  result = tmp1 * tmp2
end
print(result, tmp1)
local function scope_test()
  local v = "function local"
  do local v = "inner" end
  return v
end
print(scope_test())
local n = 0
while n < 3 do local inside = n; n = n + 1 end
print(inside, n)
if false then local never = 1 else local other = 2 end
print(never, other)
do
  local function helper() return "helper" end
  print(helper())
end
print(helper)
