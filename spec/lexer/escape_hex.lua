-- \xXX: exactly two hexadecimal digits, any case.
print("\x41\x42\x43", "\x61\x62\x63")
print(string.byte("\xff"), string.byte("\xFF"), string.byte("\x00"), string.byte("\x7f"))
print(#"\x00\x01\x02", "\x4a\x4B" == "JK")
print("\x31\x32" + 1)
local s = "\xe2\x82\xac"
print(#s, string.byte(s, 1, -1))
print("\x48\x65\x6c\x6c\x6f")
print(load([[return "\x4"]]))
print(load([[return "\xg0"]]))
