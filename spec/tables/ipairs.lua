-- ipairs iterates 1, 2, ... until the first nil value.
local t = { "a", "b", "c", nil, "e" }
for i, v in ipairs(t) do print(i, v) end
for i, v in ipairs({}) do print("never") end
local n = 0
for i, v in ipairs({ n = 1, 10, 20 }) do n = n + v end
print(n)
local proxy = setmetatable({}, { __index = function(_, i) if i <= 3 then return i * 100 end end })
for i, v in ipairs(proxy) do print("proxy", i, v) end
local f, s, init = ipairs(t)
print(type(f), s == t, init)
print(f(t, 0))
print(f(t, 3))
local modified = { 1, 2, 3 }
for i, v in ipairs(modified) do
  if i == 1 then modified[4] = 4 end
  io.write(v, " ")
end
print()
print(pcall(ipairs))
print(pcall(function() for _ in ipairs(nil) do end end))
for i, v in ipairs({ false, 0, "" }) do print(i, v) end
