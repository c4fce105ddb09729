-- String comparison is byte-wise lexicographic (in the C locale).
local words = { "banana", "apple", "Cherry", "apple pie", "app", "", "Zebra", "zebra", "10", "9", "a\0b", "a" }
table.sort(words)
for i, w in ipairs(words) do print(i, string.format("%q", w)) end
print("a" < "b", "a" < "B", "A" < "a", "abc" < "abd", "abc" < "abcd", "" < " ")
print("a" <= "a", "a" >= "b", "b" > "a", "abc" == "abc", "abc" ~= "ABC")
print("\0" < "\1", "a\0" > "a", "\255" > "\127", "\128" > "~")
print("10" < "2", "100" < "99", "-1" < "0")
print(pcall(function() return "a" < 1 end))
print(pcall(function() return {} < "a" end))
