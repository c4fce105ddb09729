-- utf8.char/charpattern/codepoint/len/offset/codes: valid and invalid sequences, lax mode, errors.
print(utf8.char(72, 228, 8364, 128512), utf8.char(), #utf8.char(0x7FFFFFFF), utf8.char(0x7F, 0x80, 0x7FF, 0x800))
print(utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*")
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 0x80000000))
print(pcall(utf8.char, "x"))
print(pcall(utf8.char, 65, nil))
local s = "häll€ 😀!"
print(#s, utf8.len(s), utf8.len(""), utf8.len(s, 3), utf8.len(s, -5), utf8.len(s, 1, 2))
print(utf8.len("abc", 4), utf8.len("abc", 1, -1), utf8.len("abc", 2, 1))
print(utf8.len("a\xffb"), utf8.len("\xe4"), utf8.len("ok\xc3"), utf8.len("\xc0\x80"), utf8.len("\xed\xa0\x80"))
print(utf8.len("\xed\xa0\x80", 1, -1, true), utf8.len("\xf4\x90\x80\x80"), utf8.len("\xf4\x90\x80\x80", 1, -1, true))
print(pcall(utf8.len, "abc", 5))
print(pcall(utf8.len, "abc", 0))
print(pcall(utf8.len, "abc", 1, 4))
print(pcall(utf8.len))
print(utf8.codepoint(s), utf8.codepoint(s, 2), utf8.codepoint(s, 1, -1))
print(pcall(utf8.codepoint, "abc", 4))
print(select("#", utf8.codepoint("abc", 2, 1)), utf8.codepoint("abc", -1))
print(pcall(utf8.codepoint, s, 3))
print(pcall(utf8.codepoint, "abc", 5))
print(pcall(utf8.codepoint, "abc", 0))
print(pcall(utf8.codepoint, "abc", 1, 4))
print(pcall(utf8.codepoint, "\xed\xa0\x80"))
print(utf8.codepoint("\xed\xa0\x80", 1, 1, true), utf8.codepoint("\xfd\xbf\xbf\xbf\xbf\xbf", 1, 1, true))
print(pcall(utf8.codepoint, "\xfd\xbf\xbf\xbf\xbf\xbf"))
print(pcall(utf8.codepoint))
-- offset: the position of the n-th character
print(utf8.offset(s, 1), utf8.offset(s, 2), utf8.offset(s, 3), utf8.offset(s, 5), utf8.offset(s, 7))
print(utf8.offset(s, -1), utf8.offset(s, -2), utf8.offset(s, 0, 3), utf8.offset(s, 0, 6), utf8.offset(s, 20))
print(utf8.offset(s, 10), utf8.offset(s, 11), utf8.offset("", 1), utf8.offset("", -1), utf8.offset("abc", 1, 4))
print(utf8.offset(s, 2, 2), utf8.offset(s, -1, 5))
print(pcall(utf8.offset, s, 1, 3))
print(pcall(utf8.offset, "abc", 1, 5))
print(pcall(utf8.offset, "abc"))
print(pcall(utf8.offset, "abc", 1, 0))
-- codes iterates (position, code point) pairs
for p, c in utf8.codes(s) do io.write(p, ":", c, " ") end
print()
for p, c in utf8.codes("") do io.write("never") end
for p, c in utf8.codes("\xed\xa0\x80", true) do io.write(p, ":", c, " ") end
print()
print(pcall(function() for p, c in utf8.codes("ab\xffcd") do io.write(p, " ") end end))
print(pcall(function() for p, c in utf8.codes("a\x80") do io.write(p, " ") end end))
print(pcall(utf8.codes))
print(select("#", pcall(utf8.codes, 1)), select(3, pcall(utf8.codes, 1)))
local f, st, init = utf8.codes("xy")
print(type(f), st, init, f(st, init), f(st, 1), f(st, 2))
-- round trip of every plane boundary
for _, c in ipairs({ 0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF }) do
  local e = utf8.char(c)
  io.write(#e, ":", utf8.codepoint(e) == c and "ok" or "BAD", " ")
end
print()
for m in string.gmatch("añb€", utf8.charpattern) do io.write("[", #m, "]") end
print()
