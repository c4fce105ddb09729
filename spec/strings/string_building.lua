-- Building long strings: repeated concatenation, table.concat and string.rep agree.
local n = 1000
local s1 = ""
for i = 1, n do s1 = s1 .. (i % 10) end
local buf = {}
for i = 1, n do buf[#buf + 1] = tostring(i % 10) end
local s2 = table.concat(buf)
local s3 = string.rep("1234567890", n // 10)
print(#s1, #s2, #s3, s1 == s2, s2 == s3)
print(s1:sub(1, 20), s1:sub(-10))
local lines = {}
for i = 1, 5 do lines[#lines + 1] = string.format("%2d: %s", i, string.rep("*", i)) end
print(table.concat(lines, "\n"))
local csv = table.concat({ "a", "b", "c" }, ",")
print(csv, #csv)
local big = string.rep("x", 100000)
print(#big, #(big .. big), big:sub(50000, 50004))
local words = {}

