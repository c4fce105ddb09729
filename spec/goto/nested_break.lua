-- goto out of nested loops, to a label after them.
local found
for i = 1, 5 do
  for j = 1, 5 do
    if i * j == 12 then found = i .. "x" .. j; goto done end
  end
end
::done::
print(found)
local grid = { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } }
local count = 0
for r = 1, 3 do
  for c = 1, 3 do
    if grid[r][c] % 4 == 0 then goto next_row end
    count = count + 1
  end
  ::next_row::
end
print(count)
local function search(target)
  for a = 1, 10 do
    for b = a, 10 do
      for c = b, 10 do
        if a * a + b * b == c * c and a + b + c == target then return a, b, c end
      end
    end
  end
end
print(search(12), search(24))
local k = 0
while true do
  while true do
    k = k + 1
    if k > 3 then goto out end
  end
end
::out::
print(k)
