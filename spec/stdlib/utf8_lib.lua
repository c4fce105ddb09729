-- The utf8 library.
local s = "héllo wörld ✓ 😀"
print(#s, utf8.len(s))
print(utf8.char(72, 233, 8364, 128512), utf8.char())
local cps = {}
for p, c in utf8.codes("aé€😀") do cps[#cps + 1] = p .. ":" .. c end
print(table.concat(cps, " "))
print(utf8.codepoint("aé€", 1, -1))
print(utf8.offset("aé€😀", 3), utf8.offset("aé€😀", -1), utf8.offset("aé€😀", 0, 3))
print(utf8.len("\xff"), utf8.len("abc\xe2\x82"), utf8.len("aé", 3))
print(pcall(utf8.codepoint, "\xff"))
print(utf8.charpattern)
local count = 0
for _ in s:gmatch(utf8.charpattern) do count = count + 1 end
print(count)
print(pcall(utf8.char, -1))
print(utf8.len(""), utf8.len("abc", 4), pcall(utf8.len, "abc", 5))
print(utf8.char(0x7FFFFFFF):byte(1, -1))
print(utf8.len("\u{7FFFFFFF}"), utf8.len("\u{7FFFFFFF}", 1, -1, true))
