-- Any value except nil and NaN can be a key.
local f = function() end
local tk = {}
local co = coroutine.create(f)
local t = {}
t[true] = "true"; t[false] = "false"; t[f] = "function"; t[tk] = "table"; t[co] = "thread"
t[1] = "one"; t[1.5] = "one and a half"; t["1"] = "string one"
print(t[true], t[false], t[f], t[tk], t[co])
print(t[1], t[1.5], t["1"], t[1.0])
print(t[{}], t[function() end])
print(pcall(function() t[nil] = 1 end))
print(pcall(function() t[0 / 0] = 1 end))
print(t[nil], t[0 / 0])
print(pcall(rawset, t, nil, 1))
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n)
t[true] = nil
n = 0
for _ in pairs(t) do n = n + 1 end
print(n)
local mt = setmetatable({}, { __index = function(_, k) return type(k) end })
print(mt[1], mt.x, mt[true], mt[f], mt[nil])
