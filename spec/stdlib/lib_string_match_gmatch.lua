-- string.match and string.gmatch: captures, position captures, init, anchors and iteration.
print(string.match("hello 123 world", "%d+"), string.match("hello", "(h)(e)"), string.match("hello", "xyz"))
print(string.match("key=val", "(%w+)=(%w+)"), string.match("  trim  ", "^%s*(.-)%s*$") .. "|")
print(string.match("hello", "()ll()"), string.match("hello", "()"), string.match("", "()"))
print(string.match("hello", ".", -1), string.match("hello", "^.", 2), string.match("hello", "l", 100))
print(string.match("date: 2024-01-15", "(%d+)-(%d+)-(%d+)"))
print(string.match("[[nested]]", "%[(%b[])%]"), string.match("x = 'quoted' y", "(['\"])(.-)%1"))
print(string.match("abc", "((a)(b))"), string.match("abc", "a(.*)"), string.match("abc", "a(.-)"))
print(string.match("aXb", "%u"), string.match("a1b", "%D+"), string.match("  x", "%S"), string.match("a.b", "%p"))
print(string.match("\t\n", "%c+") == "\t\n", string.match("0x1F", "%x+", 3), string.match("héllo", "[%w]+"))
print(string.match("abc", "[^a]+"), string.match("a-z", "[a%-z]+"), string.match("]x", "[]]"), string.match("^x", "[%^x]+"))
print(string.match(12345, "3(4)"), string.match("abc", "b", 2.0))
print(pcall(string.match))
print(pcall(string.match, "x"))
print(pcall(string.match, "x", "(%"))
print(pcall(string.match, "x", "x", "x"))
-- gmatch
local words = {}
for w in string.gmatch("one two  three", "%a+") do words[#words + 1] = w end
print(#words, table.concat(words, ","))
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, "->", v, " ") end
print()
for pos in string.gmatch("abc", "()") do io.write(pos, " ") end
print()
for m in string.gmatch("abc", "") do io.write("[", m, "]") end
print()
for m in string.gmatch("hello world", "o", 6) do io.write(m, " ") end
print()
for m in string.gmatch("hello", ".", -2) do io.write(m) end
print()
for m in string.gmatch("aaa", "^a") do io.write("anchor:", m, " ") end
print()
for a, b in string.gmatch("x1y2", "(%a)(%d)") do io.write(a, b, ";") end
print()
local it = string.gmatch("ab", ".")
print(it(), it(), it(), it())
print(pcall(string.gmatch))
print(pcall(string.gmatch, "x"))
local bad = string.gmatch("x", "%")
print(pcall(bad))
print(pcall(string.gmatch, "x", ".", "y"))
