-- The length of proper sequences as they grow and shrink.
local t = {}
print(#t)
for i = 1, 10 do t[i] = i * i end
print(#t, t[#t])
t[#t + 1] = "eleven"
print(#t, t[11])
t[#t] = nil
print(#t)
for i = #t, 6, -1 do t[i] = nil end
print(#t)
table.insert(t, "x")
print(#t, t[6])
local s = { n = 3, "a", "b" }
print(#s)
local big = {}
for i = 1, 100000 do big[i] = true end
print(#big)
for i = 100000, 50001, -1 do big[i] = nil end
print(#big)
local from_ctor = { 1, 2, 3, 4, 5 }
from_ctor[6] = 6
from_ctor[7] = 7
print(#from_ctor)
local strs = { "a", "b", "c" }
print(#strs, #"abc", rawlen(strs))
