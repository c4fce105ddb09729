-- Weak tables (__mode): collected entries disappear after a full garbage collection.
local weak_values = setmetatable({}, { __mode = "v" })
local weak_keys = setmetatable({}, { __mode = "k" })
local strong_obj = {}
weak_values[1] = strong_obj
weak_values[2] = {}
weak_values[3] = "strings are values, never collected"
weak_keys[strong_obj] = "kept"
weak_keys[{}] = "dropped"
collectgarbage()
collectgarbage()
print(weak_values[1] == strong_obj, weak_values[2] == nil, weak_values[3])
local n = 0
for k, v in pairs(weak_keys) do n = n + 1 end
print(n, weak_keys[strong_obj])
print(getmetatable(weak_values).__mode, getmetatable(weak_keys).__mode)
local cache = setmetatable({}, { __mode = "kv" })
do
  local key = {}
  cache[key] = {}
  cache.fixed = 42
end
collectgarbage()
local count = 0
for _ in pairs(cache) do count = count + 1 end
print(count, cache.fixed)
