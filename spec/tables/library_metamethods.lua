-- table.insert/remove/concat/unpack use __index, __newindex and __len (they are not raw).
local log = {}
local store = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get " .. k; return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set " .. k .. "=" .. tostring(v); store[k] = v end,
  __len = function() return #store end,
})
table.insert(proxy, "a")
table.insert(proxy, "b")
table.insert(proxy, 1, "c")
print(table.concat(log, "; "))
log = {}
print(table.concat(proxy, ","))
print(table.concat(log, "; "))
log = {}
print(table.remove(proxy, 1), table.concat(store, ","))
print(table.concat(log, "; "))
log = {}
print(table.unpack(proxy))
print(table.concat(log, "; "))
local virtual = setmetatable({}, { __index = function(_, i) return "v" .. i end, __len = function() return 4 end })
print(table.concat(virtual, " "), table.unpack(virtual))
