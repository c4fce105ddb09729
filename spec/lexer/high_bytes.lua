-- Bytes >= 128 are allowed inside strings and comments: café �
local s = "café ☃ 日本"
print(s, #s)
local bytes = {}
for i = 1, #s do bytes[#bytes + 1] = string.byte(s, i) end
print(table.concat(bytes, ","))
print(#"€", "€" == "\xe2\x82\xac", "€" == "\u{20AC}")
local raw = "\xff\xfe\x80"
print(#raw, string.byte(raw, 1, 3))
io.write(raw, "\n")
print(("é"):upper(), ("É"):lower())
print([[long string with ü inside]])
print(load("x = é"))
