-- type() returns one of eight type names.
print(type(nil), type(true), type(0), type(1.5), type(""), type({}), type(print), type(function() end))
print(type(coroutine.create(print)), type(type), type(type(1)))
print(type(io.write), type(string), type(_G), type(_VERSION))
print(pcall(type))
print(type(nil) == "nil", type(x_undefined))
local counts = {}
for _, v in ipairs({ 1, "a", {}, true, print, 2.5, "b" }) do
  local t = type(v)
  counts[t] = (counts[t] or 0) + 1
end
local names = {}
for k in pairs(counts) do names[#names + 1] = k end
table.sort(names)
for _, k in ipairs(names) do io.write(k, "=", counts[k], " ") end
print()
