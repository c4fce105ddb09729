-- string.sub with positive, negative, zero and out-of-range indices.
local s = "Hello, World"
print(s:sub(1, 5), s:sub(8), s:sub(-5), s:sub(-5, -2), s:sub(3, 3))
print("[" .. s:sub(5, 2) .. "]", "[" .. s:sub(0) .. "]", "[" .. s:sub(100) .. "]")
print(s:sub(-100, 3), s:sub(0, 0) == "", s:sub(-1), s:sub(12, 12), s:sub(13) == "")
print(s:sub(2, -2), s:sub(-3, -1), s:sub(1, -1) == s, s:sub(math.mininteger, math.maxinteger) == s)
print(("abc"):sub(2, 100), ("abc"):sub(-2, 1) == "", string.sub("xyz", 2))
print(pcall(string.sub))
print(pcall(string.sub, "abc", "x"))
print(string.sub(12345, 2, 3), string.sub("abc", "2"))
for i = -4, 4 do io.write("[", ("abc"):sub(i), "]") end
print()
