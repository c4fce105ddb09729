-- Patterns whose first item is a frontier (%f[set]): gsub, gmatch and find only try the
-- offsets where the byte before is out of the set and the byte at the offset in it; the
-- subject's ends count as the byte 0. Also malformed patterns after a leading frontier
-- (raised only where an attempt gets that far) and frontiers of sets holding \0.
local parts = {}
for i = 1, 300 do parts[i] = string.format("%d: lorem ipsum, dolor sit amet; key%d=%d", i, i % 10, i * 7) end
local text = table.concat(parts, "\n")

local up, n = text:gsub("%f[%a]%a", string.upper)
print(n, #up, up:sub(1, 80))
local c = 0
for w in text:gmatch("%f[%w]%w+") do c = c + 1 end
print(c, text:find("%f[%d]%d+", 100))
print(("THE (quick) fox"):find("%f[%a]%a+", 5))
print(("hello world"):gsub("%f[%w]", "<"))
print(("hello world"):gsub("%f[%W]", ">"))
print(("x"):gsub("%f[%z]", "!"))
print(("a.b"):gsub("%f[^%z]", "^"))
print(("aaa"):gsub("%f[a]", "|"))
print((""):gsub("%f[%z]", "e"), (""):gsub("%f[a]", "e"))
print(("one two  three"):gsub("%f[%a]%a+%f[%A]", function(w) return #w end))
print(("x1 y22 z333"):match("%f[%d](%d+)()"))
print(pcall(string.gsub, "abc", "%f[%a]%a(", "x"))
print(pcall(string.gsub, "...", "%f[%a]%a(", "x"))
print(pcall(string.find, "123", "%f[%a]a["))
print(pcall(string.find, "abc", "%f[%a]a["))
print(pcall(string.gsub, "abc", "%f[%a", "x"))
