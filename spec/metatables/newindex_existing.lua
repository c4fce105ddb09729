-- Field stores on tables with a metatable: an existing field is overwritten raw, an absent
-- one (never set, or set to nil) goes to __newindex; repeated in loops so that the inline
-- caches of both tiers are exercised (the compiling tier takes over hot loops).
local log = {}
local mt = {
  __newindex = function(t, k, v)
    log[#log + 1] = "newindex " .. tostring(k) .. "=" .. tostring(v)
    rawset(t, k, v)
  end,
}

local function store(t, v) t.x = v end

local objs = {}
for i = 1, 3 do objs[i] = setmetatable({ x = 0, y = i }, mt) end

for round = 1, 1500 do
  for i = 1, 3 do store(objs[i], round) end
end
print("after loop", objs[1].x, objs[2].x, objs[3].x, #log)

-- clear a field: the next store is an absent key again
objs[2].x = nil
print("cleared", rawget(objs[2], "x"), #log)
store(objs[2], "again")
print(log[#log], objs[2].x)

-- a table whose layout differs (x in another slot) through the same store
local other = setmetatable({ a = 1, b = 2, c = 3, x = "o" }, mt)
for round = 1, 1500 do store(other, round) store(objs[1], -round) end
print("mixed", other.x, objs[1].x, #log)

-- absent keys every time: each store calls __newindex
local fresh = 0
for round = 1, 1200 do
  local t = setmetatable({}, mt)
  store(t, round)
  fresh = fresh + t.x
end
print("fresh", fresh, #log)

-- __newindex as a table: absent keys go there, present ones stay
local sink = {}
local proxy = setmetatable({ x = 1 }, { __newindex = sink })
for round = 1, 1500 do store(proxy, round) end
print("proxy", proxy.x, sink.x)
proxy.x = nil
store(proxy, "to sink")
print("proxy", rawget(proxy, "x"), sink.x)

-- a metatable gaining __newindex after stores were cached
local late = setmetatable({ x = 0 }, {})
for round = 1, 1500 do store(late, round) end
getmetatable(late).__newindex = function(t, k, v) print("late newindex", k, v) end
store(late, "present")
late.x = nil
store(late, "absent")
print("late", late.x)
