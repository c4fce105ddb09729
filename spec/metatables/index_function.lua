-- __index as a function receives the table and the key.
local calls = 0
local t = setmetatable({ present = "raw" }, { __index = function(self, key)
  calls = calls + 1
  return "computed " .. tostring(key)
end })
print(t.present, t.absent, t[1], t[true], calls)
local squares = setmetatable({}, { __index = function(self, n) local v = n * n; rawset(self, n, v); return v end })
print(squares[4], squares[12], rawget(squares, 4), rawget(squares, 5))
local defaults = setmetatable({}, { __index = function() return 0 end })
defaults.x = defaults.x + 5
print(defaults.x, defaults.y)
local chained = setmetatable({}, { __index = setmetatable({}, { __index = function(_, k) return k .. "!" end }) })
print(chained.deep)
local multi = setmetatable({}, { __index = function() return 1, 2, 3 end })
print(multi.x)
local err = setmetatable({}, { __index = function(_, k) error("no field " .. k) end })
print(pcall(function() return err.foo end))
