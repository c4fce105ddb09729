-- \ddd: up to three decimal digits, value at most 255.
print("\65\066\0671", #"\0671")
print(string.byte("\0"), string.byte("\255"), string.byte("\9"), #"\0\0\0")
print("\1" == "\001", "\01" == "\1")
print(string.byte("\0012"), string.byte("\0012", 2))
print("a\10b")
local s = "\072\101\108\108\111"
print(s)
print(load([[return "\256"]]))
print(load([[return "\300"]]))
print(load([[return "\999"]]))
