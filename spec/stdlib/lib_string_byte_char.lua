-- string.byte and string.char: ranges, negative indices, the 0..255 limit and argument errors.
print(string.byte("A"), string.byte("ABC", 2), string.byte("ABC", -1), string.byte("ABC", 1, 3))
print(string.byte("ABC", 1, -1))
print(string.byte("ABC", 0), string.byte("ABC", 4), select("#", string.byte("ABC", 4)), select("#", string.byte("")))
print(string.byte("ABC", -10, 10))
print(string.byte("ABC", 3, 1), select("#", string.byte("ABC", 3, 1)))
print(string.byte("\0\255\128"), string.byte("\0\255\128", 2, 3))
print(string.byte(123, 2), string.byte("ABC", 2.0))
print(pcall(string.byte))
print(pcall(string.byte, "A", 1.5))
print(pcall(string.byte, "A", 1, "z"))
print(string.char(), string.char(72, 105), string.char(0, 255) == "\0\255", #string.char(0, 0, 0))
print(string.char(65.0, "66"))
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, 65, 1000))
print(pcall(string.char, "x"))
print(pcall(string.char, 65.5))
print(pcall(string.char, nil))
local all = {}
for i = 0, 255 do all[#all + 1] = i end
local s = string.char(table.unpack(all))
print(#s, s:byte(1), s:byte(256), s:byte(-1))
local sum = 0
for i = 1, #s do sum = sum + s:byte(i) end
print(sum)
local bytes = { s:byte(1, -1) }
print(#bytes, bytes[100])
