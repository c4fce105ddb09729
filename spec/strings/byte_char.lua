-- string.byte and string.char.
print(string.byte("A"), string.byte("ABC", 2), string.byte("ABC", -1), string.byte("ABC", 1, 3))
print(string.byte("ABC", 10), select("#", string.byte("ABC", 10)), select("#", string.byte("")))
print(string.byte("ABC", 0), string.byte("ABC", -10, 10))
print(string.char(72, 105), string.char(), #string.char(0, 255), string.char(0x41, 66.0))
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, "x"))
print(pcall(string.char, 65, nil))
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local s = table.concat(all)
print(#s, s:byte(1), s:byte(256), s:byte(128))
local sum = 0
for i = 1, #s do sum = sum + s:byte(i) end
print(sum)
print(("hello"):byte(1, -1))
