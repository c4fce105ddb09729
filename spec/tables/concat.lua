-- table.concat with separators, ranges, numbers, and its errors.
local t = { "a", "b", "c", "d" }
print(table.concat(t), table.concat(t, ", "), table.concat(t, "", 2), table.concat(t, "-", 2, 3))
print("[" .. table.concat({}) .. "]", "[" .. table.concat(t, ",", 3, 2) .. "]", table.concat(t, ",", 4, 4))
print(table.concat({ 1, 2.5, "x", 3 }, " "), table.concat({ 1, 2 }, 3))
print(pcall(table.concat, { 1, {}, 3 }))
print(pcall(table.concat, { 1, nil, 3 }, ",", 1, 3))
print(pcall(table.concat, { true }))
print(pcall(table.concat, t, ",", 1, 5))
print(pcall(table.concat, nil))
print(pcall(table.concat, t, {}))
local big = {}
for i = 1, 1000 do big[i] = i end
local s = table.concat(big, "+")
print(#s, s:sub(1, 20), s:sub(-15))
print(table.concat({ "x" }, ",", 1, 1), table.concat({ [0] = "z", "a" }, ",", 0, 1))
