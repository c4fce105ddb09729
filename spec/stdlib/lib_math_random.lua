-- math.random and math.randomseed: seeded sequences (xoshiro256**), ranges and argument errors.
math.randomseed(42)
local t = {}
for i = 1, 5 do t[#t + 1] = math.random(1, 100) end
print(table.concat(t, " "))
t = {}
for i = 1, 5 do t[#t + 1] = math.random(10) end
print(table.concat(t, " "))
print(string.format("%.17g %.17g", math.random(), math.random()))
print(math.random(0), math.random(0))
print(math.random(-5, -5), math.random(math.mininteger, math.mininteger), math.random(3.0))
print(math.random(math.mininteger, math.maxinteger), math.random(0, math.maxinteger))
-- reseeding repeats the sequence; two seeds are combined
math.randomseed(42)
local first = math.random(1, 100)
math.randomseed(42, 0)
print(first, math.random(1, 100))
math.randomseed(7, 11)
local a = { math.random(1000), math.random(1000), math.random(1000) }
math.randomseed(7, 11)
print(a[1] == math.random(1000), a[2] == math.random(1000), a[3] == math.random(1000))
print(table.concat(a, " "))
math.randomseed(-1)
print(math.random(1, 6), math.random(1, 6), math.random(1, 6))
math.randomseed(2^53)
print(math.random(100))
print(pcall(math.randomseed, 1.5))
print(math.random(100))
-- randomseed returns the two seed components (random ones without arguments)
print(math.randomseed(3))
print(math.randomseed(-7, 9))
print(math.randomseed(2.0^60))
local s1, s2 = math.randomseed()
print(math.type(s1), math.type(s2))
-- every value within range, floats in [0,1)
math.randomseed(123)
local okr, okf = true, true
for i = 1, 1000 do
  local r = math.random(3, 7)
  if r < 3 or r > 7 or math.type(r) ~= "integer" then okr = false end
  local f = math.random()
  if f < 0 or f >= 1 or math.type(f) ~= "float" then okf = false end
end
print(okr, okf)
-- errors
print(pcall(math.random, 2, 1))
print(pcall(math.random, 0, -1))
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, 1.5))
print(pcall(math.random, "x"))
print(pcall(math.random, 1, 2.5))
print(pcall(math.random, -3))
print(pcall(math.randomseed, "x"))
print(pcall(math.randomseed, 1, {}))
