-- Every iteration of a loop has a fresh copy of the loop variable and of locals declared inside.
local fs = {}
for i = 1, 3 do fs[#fs + 1] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local gs = {}
for _, v in ipairs({ "a", "b", "c" }) do gs[#gs + 1] = function() return v end end
print(gs[1](), gs[2](), gs[3]())
local hs = {}
local j = 1
while j <= 3 do
  local k = j * 10
  hs[#hs + 1] = function() k = k + 1; return k end
  j = j + 1
end
print(hs[1](), hs[1](), hs[2](), hs[3]())
local rs = {}
local n = 0
repeat
  n = n + 1
  local m = n
  rs[n] = function() return m end
until m >= 3
print(rs[1](), rs[2](), rs[3]())
-- a variable declared outside the loop is shared
local shared = {}
local s = 0
for i = 1, 3 do s = i; shared[i] = function() return s end end
print(shared[1](), shared[2](), shared[3]())
-- changing the loop variable copy does not change the iteration
local out = {}
for i = 1, 3 do local f = function() i = i * 100 return i end out[#out + 1] = f() end
print(table.concat(out, " "))
