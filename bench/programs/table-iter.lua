-- table-iter: tables of records built and traversed with ipairs, pairs and next:
-- grouping and counting into hash tables with string and integer keys, updating and
-- deleting (assigning nil to) existing fields during a traversal, and re-filling.
-- Results never depend on the traversal order of pairs (sums, counts, sorted keys).
-- size: full=60000 quick=10000
local n = tonumber(arg and arg[1]) or 60000

local depts = { "eng", "ops", "sales", "legal", "hr", "support", "research" }
local cities = { "Oslo", "Lima", "Pune", "Kyiv", "Baku", "Doha", "Riga", "Suva", "Apia" }

-- records in an array, and indexes by string name and by sparse integer id
local people, byName, byId = {}, {}, {}
local seed = 12345
local function rnd(m)
  seed = (seed * 1309 + 13849) % 1048576   -- below 2^31 throughout
  return (seed >> 4) % m
end
for i = 1, n do
  local r = {
    id = i * 7919 % 1000003,
    name = "p" .. i,
    dept = depts[rnd(#depts) + 1],
    city = cities[rnd(#cities) + 1],
    age = 20 + rnd(45),
    score = rnd(1000),
    tags = { "t" .. rnd(5), "t" .. rnd(5) },
  }
  people[i] = r
  byName[r.name] = r
  byId[r.id] = r
end

-- ipairs: totals over the array
local ageSum, scoreSum, tagCount = 0, 0, 0
for _, r in ipairs(people) do
  ageSum = ageSum + r.age
  scoreSum = scoreSum + r.score
  for _, t in ipairs(r.tags) do
    if t == "t0" then tagCount = tagCount + 1 end
  end
end

-- pairs: group by department and by city (nested string-keyed tables)
local groups = {}
for _, r in pairs(byName) do
  local g = groups[r.dept]
  if not g then g = { count = 0, score = 0, cities = {} }; groups[r.dept] = g end
  g.count = g.count + 1
  g.score = g.score + r.score
  g.cities[r.city] = (g.cities[r.city] or 0) + 1
end

-- next: walk the integer-keyed index by hand, counting ids in ranges
local ranges, k, v = {}, next(byId)
while k do
  local b = k // 100000
  ranges[b] = (ranges[b] or 0) + (v.age > 40 and 1 or 0)
  k, v = next(byId, k)
end

-- update existing fields and delete entries while traversing (both allowed)
local removed = 0
for key, r in pairs(byName) do
  if r.score < 250 then
    byName[key] = nil
    byId[r.id] = nil
    removed = removed + 1
  else
    r.score = r.score - 250
  end
end
local left = 0
for _ in pairs(byName) do left = left + 1 end
local leftIds, idSum = 0, 0
for id in pairs(byId) do leftIds = leftIds + 1; idSum = (idSum + id) % 1000003 end

-- re-fill the deleted names, then count per-tag occurrences with string keys
for i = 1, n, 3 do
  local r = people[i]
  if not byName[r.name] then byName[r.name] = r; r.score = r.score + 1000 end
end
local tagFreq = {}
for _, r in pairs(byName) do
  for _, t in ipairs(r.tags) do tagFreq[t] = (tagFreq[t] or 0) + 1 end
end

-- many small tables with a few fields each: copy, merge and count keys
local merged = 0
for i = 1, n // 4 do
  local a = { x = i, y = i + 1, [i % 17] = true }
  local b = { z = i, y = 0, [i % 13] = false }
  local c = {}
  for key, val in pairs(a) do c[key] = val end
  for key, val in pairs(b) do c[key] = val end
  for _ in pairs(c) do merged = merged + 1 end
end

-- output, in sorted key order
local names = {}
for d in pairs(groups) do names[#names + 1] = d end
table.sort(names)
local parts = {}
for _, d in ipairs(names) do
  local g = groups[d]
  local cs, best, bestN = 0, "", -1
  for c, cnt in pairs(g.cities) do
    cs = cs + 1
    if cnt > bestN or (cnt == bestN and c < best) then best, bestN = c, cnt end
  end
  parts[#parts + 1] = string.format("%s=%d/%d/%s", d, g.count, g.score, best)
end
local rk = {}
for b in pairs(ranges) do rk[#rk + 1] = b end
table.sort(rk)
local rparts = {}
for _, b in ipairs(rk) do rparts[#rparts + 1] = b .. ":" .. ranges[b] end
local tk = {}
for t in pairs(tagFreq) do tk[#tk + 1] = t end
table.sort(tk)
local tparts = {}
for _, t in ipairs(tk) do tparts[#tparts + 1] = t .. "=" .. tagFreq[t] end

print(string.format("table-iter %d: age=%d score=%d t0=%d removed=%d left=%d/%d ids=%d merged=%d",
  n, ageSum, scoreSum, tagCount, removed, left, leftIds, idSum, merged))
print(table.concat(parts, " "))
print(table.concat(rparts, " "))
print(table.concat(tparts, " "))
