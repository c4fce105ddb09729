-- Yielding from generic-for iterators and from loop bodies.
local function yielding_iter(n)
  local i = 0
  return function()
    i = i + 1
    if i > n then return nil end
    coroutine.yield("iter step " .. i)
    return i
  end
end
local co = coroutine.wrap(function()
  local sum = 0
  for v in yielding_iter(3) do
    sum = sum + v
    coroutine.yield("body " .. v)
  end
  return "sum " .. sum
end)
for _ = 1, 7 do print(co()) end
local function tree_walk(node)
  if node then
    tree_walk(node.left)
    coroutine.yield(node.value)
    tree_walk(node.right)
  end
end
local tree = { value = 4, left = { value = 2, left = { value = 1 }, right = { value = 3 } }, right = { value = 6, left = { value = 5 } } }
local out = {}
for v in coroutine.wrap(function() tree_walk(tree) end) do out[#out + 1] = v end
print(table.concat(out, " "))
