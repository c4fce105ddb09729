-- Processing varargs recursively and with many values.
local function reverse(...)
  if select("#", ...) == 0 then return end
  local first = ...
  return (function(...) local r = table.pack(reverse(...)) r[r.n + 1] = first return table.unpack(r, 1, r.n + 1) end)(select(2, ...))
end
print(reverse(1, 2, 3, 4, 5))
local function maxn(first, ...)
  if select("#", ...) == 0 then return first end
  local rest = maxn(...)
  return first > rest and first or rest
end
print(maxn(3, 9, 2, 7), maxn(1))
local function map(f, ...)
  if select("#", ...) == 0 then return end
  local x = ...
  return f(x), map(f, select(2, ...))
end
print(map(function(x) return x * x end, 1, 2, 3, 4))
local t = {}
for i = 1, 240 do t[i] = i end
local function count(...) return select("#", ...) end
print(count(table.unpack(t)), select(240, table.unpack(t)), select(-1, table.unpack(t)))
local function nth(n, ...) return (select(n, ...)) end
print(nth(120, table.unpack(t)))
