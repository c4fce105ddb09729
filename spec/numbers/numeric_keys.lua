-- Table keys: floats with integral values are the same key as the integer.
local t = {}
t[1] = "int one"
print(t[1.0], rawget(t, 1.0))
t[2.0] = "float two"
print(t[2], #t)
t[2^53] = "big"
print(t[2^53 | 0], t[9007199254740992])
t[0.5] = "half"
print(t[0.5], t[1 / 2])
t[-0.0] = "zero"
print(t[0])
local keys = {}
for k in pairs(t) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do print(k, math.type(k), t[k]) end
local u = { [1] = "a", [1.0] = "b" }
print(u[1])
local c = 0
for i = 1, 3 do t[i + 0.0] = i end
for k, v in ipairs(t) do c = c + 1 end
print(c, t[3])
print(t["1"], t[1])
