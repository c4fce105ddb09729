-- binary-trees: the Benchmarks Game allocation benchmark; builds and walks many
-- short-lived complete binary trees made of two-element tables.
-- size: full=13 quick=11
local n = tonumber(arg and arg[1]) or 13

local function bottomUp(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return { bottomUp(depth), bottomUp(depth) }
end

local function check(tree)
  local left = tree[1]
  if left then return 1 + check(left) + check(tree[2]) end
  return 1
end

local minDepth = 4
local maxDepth = n
if minDepth + 2 > maxDepth then maxDepth = minDepth + 2 end

local stretch = maxDepth + 1
print(string.format("stretch tree of depth %d\t check: %d", stretch, check(bottomUp(stretch))))

local longLived = bottomUp(maxDepth)

for depth = minDepth, maxDepth, 2 do
  local iterations = 1 << (maxDepth - depth + minDepth)
  local sum = 0
  for _ = 1, iterations do sum = sum + check(bottomUp(depth)) end
  print(string.format("%d\t trees of depth %d\t check: %d", iterations, depth, sum))
end

print(string.format("long lived tree of depth %d\t check: %d", maxDepth, check(longLived)))
