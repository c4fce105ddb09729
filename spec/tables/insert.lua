-- table.insert at the end and at a position, and its errors.
local t = {}
table.insert(t, "a")
table.insert(t, "b")
table.insert(t, 1, "first")
table.insert(t, 3, "middle")
table.insert(t, #t + 1, "last")
print(#t, table.concat(t, " "))
print(select("#", table.insert(t, "z")))
local function try(...) print(pcall(table.insert, ...)) end
try(t, 0, "x")
try(t, #t + 2, "x")
try(t, -1, "x")
try(t, 1, 2, 3)
try(t)
try(nil, 1)
try("str", 1)
try(t, "2", "x")
try(t, 1.5, "x")
print(#t, table.concat(t, " "))
local nums = {}
for i = 1, 5 do table.insert(nums, 1, i) end
print(table.concat(nums, ","))
local m = setmetatable({}, { __len = function() return 2 end })
table.insert(m, "x")
print(rawget(m, 3), rawlen(m))
table.insert(t, nil)
print(#t)
