-- table.concat/insert/remove: separators, ranges, numbers, positions, metamethods and errors.
local t = { "a", "b", "c", 1, 2.5 }
print(table.concat(t), table.concat(t, "-"), table.concat(t, ", ", 2, 4), table.concat(t, "x", 3, 2) == "")
print(table.concat({}), table.concat({}, "sep"), table.concat({ "only" }, "sep"), table.concat(t, "", 5, 5))
print(table.concat(t, 0), table.concat({ 1, 2, 3 }, "", -1 + 2), table.concat(t, "|", 4))
print(pcall(table.concat, { 1, {}, 3 }))
print(pcall(table.concat, { 1, 2 }, ",", 1, 3))
print(pcall(table.concat, { true }))
print(pcall(table.concat))
print(pcall(table.concat, {}, {}))
print(pcall(table.concat, { 1 }, ",", "x"))
print(pcall(table.concat, { 1 }, ",", 1.5))
-- __index and __len are honoured
local proxy = setmetatable({}, { __index = function(_, i) return "v" .. i end, __len = function() return 3 end })
print(table.concat(proxy, " "))
-- insert
local l = {}
table.insert(l, "a")
table.insert(l, "c")
table.insert(l, 2, "b")
table.insert(l, 1, "start")
table.insert(l, #l + 1, "end")
print(table.concat(l, " "), #l)
print(pcall(table.insert, l, 0, "x"))
print(pcall(table.insert, l, #l + 2, "x"))
print(pcall(table.insert, l, 1, 2, 3))
print(pcall(table.insert, l))
print(pcall(table.insert, nil, 1))
print(pcall(table.insert, l, "2", "y"))
print(pcall(table.insert, l, 1.5, "y"))
print(table.concat(l, " "))
print(select("#", table.insert({}, 1)))
-- remove
local r = { 1, 2, 3, 4, 5 }
print(table.remove(r), table.concat(r, ","))
print(table.remove(r, 1), table.concat(r, ","))
print(table.remove(r, 2), table.concat(r, ","))
print(table.remove(r, #r + 1), table.concat(r, ","))
print(table.remove({}), table.remove({}, 0), select("#", table.remove({})))
local z = { [0] = "zero" }
print(table.remove(z, 0), z[0])
print(table.remove({ "x" }, 1), table.remove({ n = 1 }))
print(pcall(table.remove))
print(pcall(table.remove, {}, "x"))
print(pcall(table.remove, 5))
-- remove on a table with holes beyond the border only uses #t
local h = { 1, 2, nil, 4 }
local hn = #h
print(hn == 4 or hn == 2)
-- insert/remove through metamethods
local log = {}
local m = setmetatable({}, {
  __len = function() return 2 end,
  __index = function(_, k) log[#log + 1] = "get" .. k return k * 10 end,
  __newindex = function(tb, k, v) log[#log + 1] = "set" .. k .. "=" .. tostring(v) rawset(tb, k, v) end,
})
table.insert(m, 1, "new")
print(table.concat(log, " "))
log = {}
print(table.remove(setmetatable({}, getmetatable(m)), 1), table.concat(log, " "))
