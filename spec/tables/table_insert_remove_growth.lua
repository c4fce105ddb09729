-- Interleaved inserts and removes at the front, middle and end keep the sequence consistent.
local t = {}
for i = 1, 100 do table.insert(t, i) end
for i = 1, 50 do table.remove(t, 1) end
for i = 1, 25 do table.insert(t, 1, -i) end
for i = 1, 10 do table.remove(t, #t // 2) end
local ok = true
for i = 1, #t do if t[i] == nil then ok = false end end
print(#t, ok, t[1], t[#t])
local s = 0
for _, v in ipairs(t) do s = s + v end
print(s)
local m = {}
for i = 1, 10 do table.insert(m, #m == 0 and 1 or (i * 7) % #m + 1, i) end
print(#m, table.concat(m, " "))
