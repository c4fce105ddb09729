-- table.unpack with ranges, nils and limits.
print(table.unpack({ 1, 2, 3 }))
print(table.unpack({ 1, 2, 3 }, 2))
print(table.unpack({ 1, 2, 3 }, 2, 3))
print(table.unpack({ 1, 2, 3 }, 3, 2))
print(select("#", table.unpack({})), select("#", table.unpack({}, 1, 3)))
print(table.unpack({ 1, nil, 3 }, 1, 3))
print(table.unpack({ [0] = "zero", "one" }, 0, 1))
print(table.unpack({ "a", "b" }, -1, 1))
local t = {}
for i = 1, 250 do t[i] = i end
print(select("#", table.unpack(t)), (select(250, table.unpack(t))))
print(pcall(table.unpack, {}, 1, 1e8))
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))
print(pcall(table.unpack))
print(table.unpack({ 1, 2 }, "1", "2"))
local a, b, c = table.unpack({ "x", "y" })
print(a, b, c)
print(table.unpack(setmetatable({}, { __index = function(_, i) return i * 10 end }), 1, 3))
