-- table.move copies ranges within a table or between tables (handles overlap).
local t = { 1, 2, 3, 4, 5 }
print(table.concat(table.move(t, 2, 4, 1), ","))
t = { 1, 2, 3, 4, 5 }
print(table.concat(table.move(t, 1, 3, 3), ","))
local dst = table.move({ "a", "b", "c" }, 1, 3, 2, { "x" })
print(table.concat(dst, ","))
print(#table.move({}, 1, 0, 1, { 9 }))
local proxy_log = {}
local target = setmetatable({}, { __newindex = function(tb, k, v) proxy_log[#proxy_log + 1] = k; rawset(tb, k, v) end })
table.move({ 10, 20, 30 }, 1, 3, 1, target)
print(table.concat(proxy_log, ","), target[3])
print(pcall(table.move, {}, 1, math.maxinteger, 2))
print(pcall(table.move, {}, -1, math.maxinteger, 1))
print(pcall(table.move, nil, 1, 1, 1))
