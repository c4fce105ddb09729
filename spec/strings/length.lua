-- The length operator on strings counts bytes.
print(#"", #"a", #"hello", #"hello world")
print(#"\0", #"a\0b", #"\0\0\0\0")
print(#"é", #"日本語", #"\u{1F600}")
print(#string.rep("ab", 1000), #string.rep("x", 0), #string.rep("abc", 3, ", "))
local s = "length"
print(#s, s:len(), string.len(s), #s == s:len())
print(#("a" .. "b"), #tostring(12345), #tostring(1.5))
print(pcall(function() return #5 end))
print(pcall(function() local n = nil return #n end))
print(pcall(string.len, 123), pcall(string.len))
