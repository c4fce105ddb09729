-- Sorting algorithms implemented in Lua, checked against table.sort.
local function insertion(t)
  for i = 2, #t do
    local v, j = t[i], i - 1
    while j >= 1 and t[j] > v do t[j + 1] = t[j]; j = j - 1 end
    t[j + 1] = v
  end
  return t
end
local function merge_sort(t)
  if #t <= 1 then return t end
  local mid = #t // 2
  local l = merge_sort({ table.unpack(t, 1, mid) })
  local r = merge_sort({ table.unpack(t, mid + 1) })
  local out, i, j = {}, 1, 1
  while i <= #l and j <= #r do
    if l[i] <= r[j] then out[#out + 1] = l[i]; i = i + 1 else out[#out + 1] = r[j]; j = j + 1 end
  end
  for k = i, #l do out[#out + 1] = l[k] end
  for k = j, #r do out[#out + 1] = r[k] end
  return out
end
local function quick(t, lo, hi)
  lo, hi = lo or 1, hi or #t
  if lo >= hi then return t end
  local p, i = t[hi], lo - 1
  for j = lo, hi - 1 do if t[j] <= p then i = i + 1; t[i], t[j] = t[j], t[i] end end
  t[i + 1], t[hi] = t[hi], t[i + 1]
  quick(t, lo, i); quick(t, i + 2, hi)
  return t
end
local function heap_sort(t)
  local n = #t
  local function sift(i, size)
    while true do
      local l, r, m = 2 * i, 2 * i + 1, i
      if l <= size and t[l] > t[m] then m = l end
      if r <= size and t[r] > t[m] then m = r end
      if m == i then return end
      t[i], t[m] = t[m], t[i]; i = m
    end
  end
  for i = n // 2, 1, -1 do sift(i, n) end
  for size = n, 2, -1 do t[1], t[size] = t[size], t[1]; sift(1, size - 1) end
  return t
end
local data, seed = {}, 12345
for i = 1, 500 do seed = (seed * 1103515245 + 12345) % 2147483648; data[i] = seed % 1000 end
local function copy(t) return { table.unpack(t) } end
local reference = copy(data)
table.sort(reference)
local ref = table.concat(reference, ",")
print(table.concat(insertion(copy(data)), ",") == ref, table.concat(merge_sort(copy(data)), ",") == ref,
  table.concat(quick(copy(data)), ",") == ref, table.concat(heap_sort(copy(data)), ",") == ref)
print(table.concat(reference, " ", 1, 10), "...", table.concat(reference, " ", 491, 500))
print(table.concat(quick({ 3, 1, 2 }), " "), table.concat(merge_sort({}), " "), table.concat(heap_sort({ 1 }), " "))
