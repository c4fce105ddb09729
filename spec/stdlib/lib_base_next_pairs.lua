-- next, pairs and ipairs: traversal, __pairs, __index in ipairs, invalid keys and argument errors.
print(next({}), next({}, nil), select("#", next({})))
print(next({ 10 }), next({ 10 }, 1))
local t = { "a", "b", "c", x = 1, y = 2 }
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. "=" .. tostring(v) end
table.sort(keys)
print(table.concat(keys, " "))
local cnt, k = 0, nil
repeat k = next(t, k) if k ~= nil then cnt = cnt + 1 end until k == nil
print("next count", cnt)
print(pcall(next, {}, "nokey"))
print(pcall(next, { 1 }, 2))
print(pcall(next))
print(pcall(next, 1))
-- pairs returns next, the table and nil
local f, s, init = pairs(t)
print(f == next, s == t, init)
-- __pairs replaces the iterator triple
local proxy = setmetatable({}, { __pairs = function(self)
  local i = 0
  return function(_, prev) i = i + 1 if i <= 3 then return i, i * i end end, self, "start"
end })
for a, b in pairs(proxy) do io.write(a, ":", b, " ") end
print()
print(select("#", pairs(proxy)))
print(pcall(pairs))
local okp, pf, ps = pcall(pairs, 5)
print(okp, pf == next, ps)
print(pcall(function() for _ in pairs(nil) do end end))
-- ipairs stops at the first nil and respects __index
for i, v in ipairs({ 1, 2, nil, 4 }) do io.write(i, "=", v, " ") end
print()
local virt = setmetatable({}, { __index = function(_, i) if i <= 4 then return i * 10 end end })
for i, v in ipairs(virt) do io.write(i, "=", v, " ") end
print()
local it, st, zero = ipairs({})
print(type(it), zero, it({ 5 }, 0), it({ 5 }, 1))
print(pcall(ipairs))
local oki, ifn, is, i0 = pcall(ipairs, nil)
print(oki, type(ifn), is, i0)
for i, v in ipairs("abc") do print(i, v) end
print(pcall(function() for i in ipairs(5) do end end))
-- modifying existing fields during traversal is allowed
local m = { a = 1, b = 2, c = 3 }
for key in pairs(m) do m[key] = nil end
print(next(m))
