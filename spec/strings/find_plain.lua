-- string.find with plain text (no magic characters, or plain = true).
local s = "hello world, hello moon"
print(s:find("hello"), s:find("world"), s:find("xyz"))
print(s:find("hello", 2), s:find("hello", -10), s:find("o", -1))
print(s:find("", 1), s:find("", 100), s:find("", #s + 1), s:find("", -100))
print(s:find("o w", 1, true), ("a.b.c"):find(".", 1, true), ("a+b"):find("+", 1, true))
print(("1+1=2"):find("1+1", 1, true), ("(x)"):find("(", 1, true), ("50%"):find("%", 1, true))
print(("[a]"):find("[a]", 1, true), ("a*b"):find("*", 1, true), ("x^y"):find("^", 1, true))
print(("aaa"):find("aa"), ("aaa"):find("aa", 2), ("aaa"):find("aa", 3))
print(string.find("abc", "c", 10), string.find("abc", "b", 0))
print(pcall(string.find, nil, "x"))
print(string.find(12345, 34))
