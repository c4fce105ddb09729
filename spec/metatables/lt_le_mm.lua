-- __lt and __le; a > b is b < a and a >= b is b <= a; results are converted to booleans.
local log = {}
local mt = {
  __lt = function(a, b) log[#log + 1] = "lt"; return a.v < b.v end,
  __le = function(a, b) log[#log + 1] = "le"; return a.v <= b.v end,
}
local function N(v) return setmetatable({ v = v }, mt) end
local one, two = N(1), N(2)
print(one < two, one > two, one <= two, one >= two, two <= two)
print(table.concat(log, " "))
local mixed = setmetatable({}, { __lt = function(a, b) return type(a) .. "<" .. type(b) end })
print(mixed < 1, 1 < mixed, "s" < mixed)
print(pcall(function() return {} < {} end))
print(pcall(function() return one < 1 end))
local arr = { N(3), N(1), N(2) }
table.sort(arr)
print(arr[1].v, arr[2].v, arr[3].v)
local ver = {}
ver.__lt = function(a, b) for i = 1, 3 do if a[i] ~= b[i] then return a[i] < b[i] end end return false end
ver.__le = function(a, b) return not (b < a) end
local v1, v2 = setmetatable({ 1, 2, 3 }, ver), setmetatable({ 1, 10, 0 }, ver)
print(v1 < v2, v2 < v1, v1 <= v1, v2 >= v1)
