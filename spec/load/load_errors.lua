-- Invalid arguments to load().
print(pcall(load))
print(pcall(load, nil))
print(pcall(load, {}))
print(load(42))
print(pcall(load, "return 1", {}))
print(pcall(load, "return 1", "name", 5))
print(load("return 1", "name", "t", 5) ~= nil)
print(pcall(load(("return 1"), nil, nil, nil)))
local long = {}
for i = 1, 300 do long[i] = "x" .. i .. " = " .. i end
long[#long + 1] = "return x300"
print(load(table.concat(long, "\n"))())
print(load(string.rep(" ", 10000) .. "return 'after spaces'")())
