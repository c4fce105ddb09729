-- table-sort: table.insert/table.remove at the ends and in the middle, then
-- table.sort with and without a comparator function over records.
-- size: full=80000 quick=12000
local n = tonumber(arg and arg[1]) or 80000

local seed = 42
local function rand(m) -- small LCG; all values stay below 2^31
  seed = (seed * 75 + 74) % 65537
  return seed % m
end

-- insert/remove as a stack and a queue
local t = {}
for i = 1, n do table.insert(t, rand(1000)) end
local popped = 0
for i = 1, n // 2 do popped = popped + table.remove(t) end
for i = 1, 200 do table.insert(t, 1, i) end
for i = 1, 100 do popped = popped + table.remove(t, 1) end
for i = 1, 200 do table.insert(t, #t // 2, i) end

-- sort plain integers (default comparison)
local nums = {}
for i = 1, n do nums[i] = rand(100000) end
table.sort(nums)
local ok = true
for i = 2, #nums do if nums[i - 1] > nums[i] then ok = false end end

-- sort records with a comparator: by key descending, then id ascending
local recs = {}
for i = 1, n do recs[i] = { key = rand(500), id = i } end
table.sort(recs, function(a, b)
  if a.key ~= b.key then return a.key > b.key end
  return a.id < b.id
end)
local h = 0
for i = 1, #recs, 37 do h = (h * 31 + recs[i].id) % 1000003 end

-- sort strings
local strs = {}
for i = 1, n // 4 do strs[i] = string.format("s%05d", rand(60000)) end
table.sort(strs, function(a, b) return a > b end)

print(string.format("table-sort %d: len=%d popped=%d sorted=%s first=%d last=%d rec=%d str=%s,%s",
  n, #t, popped, tostring(ok), nums[1], nums[#nums], h, strs[1], strs[#strs]))
