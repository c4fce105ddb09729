-- Nested tables: matrices, trees and deep paths.
local m = {}
for i = 1, 3 do
  m[i] = {}
  for j = 1, 3 do m[i][j] = (i - 1) * 3 + j end
end
for i = 1, 3 do print(table.concat(m[i], " ")) end
local function transpose(a)
  local r = {}
  for i = 1, #a[1] do r[i] = {} for j = 1, #a do r[i][j] = a[j][i] end end
  return r
end
for _, row in ipairs(transpose(m)) do print(table.concat(row, " ")) end
local tree = { value = 1, children = { { value = 2, children = {} }, { value = 3, children = { { value = 4, children = {} } } } } }
local function sum(node)
  local s = node.value
  for _, c in ipairs(node.children) do s = s + sum(c) end
  return s
end
print(sum(tree))
local deep = {}
local cur = deep
for i = 1, 100 do cur.next = { depth = i }; cur = cur.next end
local n, node = 0, deep
while node.next do n = n + 1; node = node.next end
print(n, node.depth)
local self_ref = {}
self_ref.me = self_ref
print(self_ref.me.me.me == self_ref)
