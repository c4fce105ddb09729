-- Fields assigned nil (in constructors and by assignment to absent keys) leave no trace:
-- pairs and next never see them, later assignments add them, and tables built by the
-- same constructor behave alike whichever fields were nil. Each part runs often enough
-- that compiled code runs it too.
local function keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = tostring(k) end
  table.sort(ks)
  return table.concat(ks, ",")
end

local function make(a, b, c) return { a = a, b = b, c = c, d = 4 } end
local Class = {}
Class.__index = Class
function Class.get(self) return self.a, self.b, self.c end
local out = {}
for round = 1, 300 do
  local t1 = make(1, nil, 3)
  local t2 = make(nil, nil, nil)
  local t3 = setmetatable(make(nil, 2, nil), Class)
  t2.b = "late"
  t3.a = "set"
  local e = {}
  e.x = nil
  e.y = nil
  e.z = 1
  if round == 300 then
    out[#out + 1] = keys(t1) .. " | " .. keys(t2) .. " | " .. keys(t3) .. " | " .. keys(e)
    out[#out + 1] = tostring(next(e)) .. " " .. tostring(next(e, "z")) .. " " .. tostring(rawlen(e))
    out[#out + 1] = table.concat({ tostring(t3:get()), tostring(select(2, t3:get())), tostring(t1.b), tostring(t2.a) }, " ")
  end
end
print(table.concat(out, "\n"))

-- a field that is nil reads through __index; once set it shadows it
local Base = { v = "from class" }
Base.__index = Base
for round = 1, 300 do
  local o = setmetatable({ v = nil, w = 1 }, Base)
  local before = o.v
  o.v = "own"
  local after = o.v
  o.v = nil
  local again = o.v
  if round == 300 then print(before, after, again, keys(o)) end
end

-- __newindex still sees a key whose constructor value was nil as absent
local log = {}
local Guard = { __newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v); rawset(t, k, v) end }
for round = 1, 300 do
  local g = setmetatable({ p = nil, q = 2 }, Guard)
  g.p = "first"
  g.p = "second"
  g.q = 3
  if round == 300 then print(table.concat(log, " ", #log - 0, #log), g.p, g.q, keys(g)) end
end
print(#log)

-- many distinct fields set to nil and back: counts stay right
local t = {}
for round = 1, 50 do
  t.a = nil; t.b = nil; t.c = nil; t.d = nil; t.e = nil; t.f = nil; t.g = nil; t.h = nil; t.i = nil; t.j = nil
  t.k = round
end
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n, t.k, next(t))
