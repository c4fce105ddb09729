-- A proxy that records every read and write of the table it wraps.
local function track(target)
  local log = {}
  local proxy = setmetatable({}, {
    __index = function(_, k) log[#log + 1] = "get:" .. tostring(k); return target[k] end,
    __newindex = function(_, k, v) log[#log + 1] = "set:" .. tostring(k); target[k] = v end,
    __len = function() return #target end,
    __pairs = function()
      return function(_, k) local nk, nv = next(target, k) return nk, nv end, nil, nil
    end,
  })
  return proxy, log
end
local data = { 1, 2, 3 }
local p, log = track(data)
p[4] = p[1] + p[3]
p.name = "tracked"
print(#p, data[4], data.name, p.name)
print(table.concat(log, " "))
local keys = {}
for k in pairs(p) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, ","))
