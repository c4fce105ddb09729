-- next() stepping through several tables in turn (each step resumes from the key the
-- previous step of that table returned), clearing fields during a traversal, keys of
-- every type, large integral float keys, and a key that is not in the table.
local function mk(n, prefix)
  local t = {}
  for i = 1, n do t[prefix .. i] = i end
  for i = 1, n do t[i * 1000] = i end          -- sparse integers: hash part
  t[2.5] = 0.5; t[true] = 1; t[2^60] = 60      -- float, boolean, large integral float
  return t
end
local a, b = mk(50, "a"), mk(30, "b")

-- interleaved manual traversals
local ka, kb = nil, nil
local sa, sb, steps = 0, 0, 0
repeat
  local va, vb
  if ka ~= false then ka, va = next(a, ka); if ka == nil then ka = false else sa = sa + va end end
  if kb ~= false then kb, vb = next(b, kb); if kb == nil then kb = false else sb = sb + vb end end
  steps = steps + 1
until ka == false and kb == false
print("interleaved", sa, sb, steps)

-- clearing every other field while traversing with next
local cleared, seen = 0, 0
local k = next(a)
local flip = false
while k ~= nil do
  seen = seen + 1
  flip = not flip
  if flip then a[k] = nil; cleared = cleared + 1 end
  k = next(a, k)
end
local left = 0
for _ in pairs(a) do left = left + 1 end
print("cleared", seen, cleared, left)

-- same table traversed by two nested loops
local pairsCount = 0
for k1 in pairs(b) do
  for k2 in pairs(b) do
    if k1 == k2 then pairsCount = pairsCount + 1 end
  end
end
print("nested", pairsCount)

-- keys returned by next are accepted back, including the large float key
local f = {}
f[2^60] = "big"; f[-2^63] = "min"; f["x"] = "x"
local count = 0
for key, v in pairs(f) do count = count + 1; assert(f[key] == v) end
print("float keys", count, math.type(2^60))

-- a key that is not there
print(pcall(next, b, "nope"))
print(pcall(next, b, 12345))

-- refill after a full traversal, then traverse again
for key in pairs(b) do b[key] = nil end
print("emptied", next(b))
for i = 1, 20 do b["z" .. i] = i end
local sz = 0
for _, v in pairs(b) do sz = sz + v end
print("refilled", sz)
