-- table.pack/unpack/move/sort: n field, ranges, big counts, comparators and errors.
local p = table.pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4], #table.pack())
print(table.pack().n, table.pack(nil).n, select("#", table.unpack(p, 1, p.n)))
print(table.unpack({ 1, 2, 3 }))
print(table.unpack({ 1, 2, 3 }, 2))
print(table.unpack({ 1, 2, 3 }, 2, 5))
print(table.unpack({ 1, 2, 3 }, -1, 1))
print(select("#", table.unpack({}, 1, 0)), select("#", table.unpack({ 1 }, 3)))
print(table.unpack({ 1, 2 }, "1", 2.0))
print(pcall(table.unpack))
print(pcall(table.unpack, {}, 1, 1e8))
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))
print(pcall(table.unpack, {}, 1.5))
print(table.unpack(setmetatable({}, { __index = function(_, i) return i * 2 end }), 1, 3))
print(table.unpack("abc", 1, 1))
-- move
local a = { 1, 2, 3, 4, 5 }
print(table.concat(table.move(a, 1, 3, 3), ","))
print(table.concat(table.move({ 1, 2, 3 }, 1, 0, 5), ","))
print(table.concat(table.move({ 1, 2, 3 }, 2, 3, 1, { "a", "b", "c" }), ","))
print(pcall(table.move, { 1 }, 1, 1))
print(pcall(table.move, { 1 }, 1, 1, 1, 5))
print(pcall(table.move, {}, 0, math.maxinteger, 1))
print(pcall(table.move, {}, 1, 2, math.maxinteger))
-- sort
local s = { 5, 2, 8, 1, 9, 3 }
table.sort(s)
print(table.concat(s, " "))
table.sort(s, function(x, y) return x > y end)
print(table.concat(s, " "))
local words = { "banana", "Apple", "cherry", "apple" }
table.sort(words)
print(table.concat(words, " "))
table.sort(words, function(x, y) return x:lower() < y:lower() or (x:lower() == y:lower() and x < y) end)
print(table.concat(words, " "))
local recs = { { n = "b", v = 2 }, { n = "a", v = 2 }, { n = "c", v = 1 } }
table.sort(recs, function(x, y) if x.v ~= y.v then return x.v < y.v end return x.n < y.n end)
print(recs[1].n, recs[2].n, recs[3].n)
local one, empty = { 1 }, {}
table.sort(one) table.sort(empty)
print(one[1], #empty)
local mixed = { 3, 1.5, -2, 2^53, math.mininteger }
table.sort(mixed)
print(table.concat(mixed, " "))
print(pcall(table.sort, { 1, "x", 2 }))
print(pcall(table.sort, { {}, {} }))
print(pcall(table.sort, { 3, 2, 1 }, 42))
print(pcall(table.sort))
print(pcall(table.sort, { 3, 2, 1 }, function(x, y) error("cmp failed") end))
local big = {}
for i = 1, 200 do big[i] = (i * 37) % 101 end
table.sort(big)
local ok = true
for i = 2, #big do if big[i - 1] > big[i] then ok = false end end
print(ok, big[1], big[200])
local proxied = setmetatable({}, { __index = { 3, 1, 2 }, __len = function() return 3 end })
print(pcall(table.sort, proxied), rawget(proxied, 1), rawget(proxied, 3))
