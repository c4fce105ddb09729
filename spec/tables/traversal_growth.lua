-- Large arrays: filling, summing, removing from the front, holes filled back in order.
local t = {}
for i = 1, 20000 do t[#t + 1] = i end
local s = 0
for _, v in ipairs(t) do s = s + v end
print(#t, s)
for i = 1, 10 do table.remove(t, 1) end
print(#t, t[1], t[#t])
local h = {}
for i = 10, 1, -1 do h[i] = i end
print(#h, table.concat(h, ","))
local sparse = {}
sparse[1000000] = "far"
print(sparse[1000000], rawget(sparse, 999999))
local count = 0
for k in pairs(sparse) do count = count + 1 end
print(count)
local grid = {}
for i = 1, 100 do grid[i * 2] = i end
local keys = {}
for k in pairs(grid) do keys[#keys + 1] = k end
table.sort(keys)
print(#keys, keys[1], keys[#keys])
