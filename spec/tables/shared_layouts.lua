-- Tables built by the same constructor or the same sequence of field assignments: each
-- one keeps its own values whatever is done to the others (fields added, deleted,
-- overwritten, traversed with next while being changed), built in different orders at the
-- same assignments, with nil fields, and with more fields than a small object has. Each
-- part runs often enough that compiled code runs it too.
local function keys(t)
  local ks = {}
  for k, v in pairs(t) do ks[#ks + 1] = tostring(k) .. "=" .. tostring(v) end
  table.sort(ks)
  return table.concat(ks, ",")
end

local function point(x, y) return { x = x, y = y, tag = "p" } end
local function build(order, n)
  local t = {}
  if order then t.a = n; t.b = n + 1 else t.b = n + 1; t.a = n end
  t.c = n + 2
  return t
end

local out = {}
for round = 1, 400 do
  local p1, p2, p3 = point(1, 2), point(3, 4), point(5, nil)
  p1.z = 9          -- p1 gets a field the others have not
  p2.x = nil        -- p2 loses one
  p3.y = 6          -- p3 fills the one its constructor left nil
  local q = point(7, 8)
  q.tag = nil
  q.tag = "again"
  local b1, b2, b3 = build(true, round), build(false, round), build(true, -round)
  b1.d = "d"
  b3.a = nil
  -- change the table under traversal: overwrite and clear existing fields only
  local seen = 0
  for k in pairs(b2) do
    seen = seen + 1
    if k == "b" then b2[k] = nil else b2[k] = "v" .. k end
  end
  if round % 100 == 0 then
    out[#out + 1] = keys(p1) .. " | " .. keys(p2) .. " | " .. keys(p3) .. " | " .. keys(q)
    out[#out + 1] = keys(b1) .. " | " .. keys(b2) .. " | " .. keys(b3) .. " | " .. seen
    local nk = next(p2, "y")
    out[#out + 1] = tostring(nk == nil or nk == "tag") .. " " .. tostring(rawget(p3, "y")) .. " " .. tostring(p1.z)
  end
end

-- next() from a key of one table, on another table built the same way
local u, w = point(1, 1), point(2, 2)
local k1 = next(u)
local k2, v2 = next(w, k1)
out[#out + 1] = tostring(k1 ~= nil) .. " " .. tostring(k2 ~= k1) .. " " .. tostring(v2 ~= nil)
out[#out + 1] = tostring(pcall(next, w, "nope"))

-- many fields by assignment, in the same order every round
local function wide(n)
  local t = {}
  t.f01 = n; t.f02 = n; t.f03 = n; t.f04 = n; t.f05 = n; t.f06 = n; t.f07 = n; t.f08 = n
  t.f09 = n; t.f10 = n; t.f11 = n; t.f12 = n; t.f13 = n; t.f14 = n; t.f15 = n; t.f16 = n
  t.f17 = n; t.f18 = n; t.f19 = n; t.f20 = n; t.f21 = n; t.f22 = n; t.f23 = n; t.f24 = n
  t.f25 = n; t.f26 = n; t.f27 = n; t.f28 = n; t.f29 = n; t.f30 = n; t.f31 = n; t.f32 = n
  t.f33 = n; t.f34 = n; t.f35 = n; t.f36 = n
  return t
end
local total, count = 0, 0
for i = 1, 300 do
  local t = wide(i)
  if i % 2 == 0 then t.f10 = nil; t.extra = i end
  for _, v in pairs(t) do total = total + v; count = count + 1 end
end
out[#out + 1] = total .. " " .. count

-- objects that get a metatable after their fields, and fields after their metatable
local Base = {}
Base.__index = Base
function Base:sum() return (self.a or 0) + (self.b or 0) + (self.c or 0) end
local acc = 0
for i = 1, 300 do
  local o = setmetatable({ a = i, b = 1 }, Base)
  o.c = 2
  local o2 = setmetatable({}, Base)
  o2.a = i
  o2.b = 2
  acc = acc + o:sum() + o2:sum()
end
out[#out + 1] = tostring(acc)

print(table.concat(out, "\n"))
