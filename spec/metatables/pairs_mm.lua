-- __pairs overrides pairs(); next() and ipairs() ignore it.
local t = setmetatable({ real = 1 }, { __pairs = function(self)
  local keys = { "virtual1", "virtual2" }
  local i = 0
  return function() i = i + 1; if keys[i] then return keys[i], i * 10 end end, self, nil
end })
for k, v in pairs(t) do print(k, v) end
print(next(t))
local ordered = setmetatable({ c = 3, a = 1, b = 2 }, { __pairs = function(self)
  local keys = {}
  for k in next, self do keys[#keys + 1] = k end
  table.sort(keys)
  local i = 0
  return function() i = i + 1; local k = keys[i]; if k then return k, self[k] end end
end })
for k, v in pairs(ordered) do io.write(k, "=", v, " ") end
print()
local extra = setmetatable({}, { __pairs = function() return next, { x = "from other" }, nil end })
for k, v in pairs(extra) do print(k, v) end
local multi = setmetatable({}, { __pairs = function() return function(_, k) if not k then return 1, "a", "extra" end end, nil, nil end })
for a, b, c in pairs(multi) do print(a, b, c) end
print(pcall(pairs, setmetatable({}, { __pairs = function() error("pairs failed") end })))
local arr = setmetatable({ "x", "y" }, { __pairs = function() error("not used by ipairs") end })
for i, v in ipairs(arr) do print(i, v) end
