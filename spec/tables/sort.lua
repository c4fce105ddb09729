-- table.sort with the default order and with comparison functions.
local function show(t) print(table.concat(t, " ")) end
local nums = { 5, 2, 8, 1, 9, 3, 7, 4, 6, 0 }
table.sort(nums); show(nums)
table.sort(nums, function(a, b) return a > b end); show(nums)
local words = { "pear", "apple", "fig", "banana", "cherry" }
table.sort(words); show(words)
table.sort(words, function(a, b) return #a < #b or (#a == #b and a < b) end); show(words)
local mixed = { 3, 1.5, -2, 2^40, 0 }
table.sort(mixed); show(mixed)
local recs = { { n = "b", v = 2 }, { n = "a", v = 3 }, { n = "c", v = 1 } }
table.sort(recs, function(x, y) return x.v < y.v end)
for _, r in ipairs(recs) do io.write(r.n, " ") end print()
local empty, one = {}, { 1 }
table.sort(empty); table.sort(one)
print(#empty, one[1])
local big = {}
for i = 1, 1000 do big[i] = (i * 7919) % 1000 end
table.sort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print(ok, big[1], big[1000])
-- which pair is compared first depends on the algorithm: check only the kind of error
local ok, err = pcall(table.sort, { 1, "x", 2 })
print(ok, err:find("attempt to compare", 1, true) ~= nil, err:find("string", 1, true) ~= nil)
print(pcall(table.sort, { {}, {} }))
print(pcall(table.sort, nil))
print(pcall(table.sort, { 1, 2 }, 42))
local rev = { "b", "c", "a" }
table.sort(rev, function(a, b) return a > b end); show(rev)
