-- __newindex is used only for absent keys; rawset bypasses it.
local log = {}
local store = {}
local t = setmetatable({ existing = 1 }, { __newindex = function(self, k, v)
  log[#log + 1] = tostring(k) .. "=" .. tostring(v)
  rawset(self, k, v)
end })
t.existing = 2
t.new1 = "a"
t.new1 = "b"
t[10] = true
rawset(t, "raw", 1)
print(table.concat(log, " "), t.existing, t.new1, t.raw)
local redirect = setmetatable({}, { __newindex = store })
redirect.x = 1
print(rawget(redirect, "x"), store.x)
local chain2 = {}
local chain1 = setmetatable({}, { __newindex = chain2 })
setmetatable(chain2, { __newindex = function(_, k, v) print("end of chain", k, v) end })
local top = setmetatable({}, { __newindex = chain1 })
top.key = "val"
print(rawget(top, "key"), rawget(chain1, "key"))
local ro = setmetatable({}, { __index = { a = 1 }, __newindex = function(_, k) error("read-only: " .. k, 2) end })
print(ro.a, pcall(function() ro.b = 2 end))
local nilset = setmetatable({ x = 1 }, { __newindex = function() print("not called for existing key") end })
nilset.x = nil
print(nilset.x)
nilset.x = 5
