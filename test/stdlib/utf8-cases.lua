-- Cases for the utf8 library (manual §6.5). Expected output: utf8-cases.json, recorded from
-- lua5.4 by record-utf8-cases.mjs. The lines up to the first case start every case.
local function P(...) print(pcall(...)) end
local function bytes(s) return (s:gsub('.', function(c) return string.format('%02X ', c:byte()) end)) end
local function B(s) local t = {} for i = 1, #s do t[i] = s:byte(i) end return table.concat(t, ' ') end
local samples = {'', 'abc', 'h\xC3\xA4ll\xE2\x82\xAC', '\xF0\x9F\x98\x80x', '\xF4\x8F\xBF\xBF', '\xF4\x90\x80\x80',
  '\xED\x9F\xBF', '\xED\xA0\x80', '\xED\xBF\xBF', '\xEE\x80\x80', '\xC0\x80', '\xC1\xBF', '\xC2\x80', '\xE0\x80\x80',
  '\xE0\xA0\x80', '\xF0\x80\x80\x80', '\xF0\x90\x80\x80', '\xF8\x88\x80\x80\x80', '\xFC\x84\x80\x80\x80\x80',
  '\xFD\xBF\xBF\xBF\xBF\xBF', '\xFE', '\xFF', '\x80', 'a\x80b', '\xC3', '\xC3(', 'ab\xE2\x82', '\xE2\x82\xACz\xC3',
  '\0a\0', '\x7F', '\xF7\xBF\xBF\xBF', '\xFB\xBF\xBF\xBF\xBF', '\xF8\x87\xBF\xBF\xBF', '\xFC\x83\xBF\xBF\xBF\xBF'}

-- case: charpattern
print(B(utf8.charpattern), #utf8.charpattern)

-- case: char
print(B(utf8.char(72, 228, 8364, 0x10FFFF, 0x7FFFFFFF)))
for _, c in ipairs{0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0x110000, 0x1FFFFF, 0x200000,
  0x3FFFFFF, 0x4000000, 0x7FFFFFFF, 0xD800, 0xDFFF} do
  print(string.format('%X', c), B(utf8.char(c)))
end
print(utf8.char() == '', utf8.char(65, 66, 67), utf8.char('65', 66.0))

-- case: char errors
P(utf8.char, 0x80000000)
P(utf8.char, -1)
P(utf8.char, math.mininteger)
P(utf8.char, math.maxinteger)
P(utf8.char, 'x')
P(utf8.char, 65, 'x')
P(utf8.char, 1.5)
P(utf8.char, nil)
P(utf8.char, 65, {})
print(pcall(function() return utf8.char(-5) end))

-- case: len samples
for i, s in ipairs(samples) do print(i, utf8.len(s)) print(i, utf8.len(s, 1, -1, true)) end

-- case: len ranges
local s = 'h\xC3\xA4ll\xE2\x82\xAC'
for _, r in ipairs{{1, -1}, {2, -1}, {3, -1}, {1, 2}, {1, 3}, {4, 4}, {5, 5}, {6, 6}, {6, 8}, {9, 8}, {9, -1},
  {-1, -1}, {-3, -1}, {-8, -1}, {-9, -1}, {-100, 3}, {1, 0}, {1, -9}, {2, 1}, {8, 8}} do
  print(r[1], r[2], pcall(utf8.len, s, r[1], r[2]))
end
print(utf8.len('abc', 4), utf8.len('abc', 4, 3), utf8.len('', 1), utf8.len('', 1, 0))

-- case: len errors
P(utf8.len, 'abc', 5)
P(utf8.len, 'abc', 0)
P(utf8.len, 'abc', 1, 4)
P(utf8.len, 'abc', 1, 5)
P(utf8.len, 'abc', math.maxinteger)
P(utf8.len, 'abc', math.mininteger)
P(utf8.len, 'abc', 1, math.mininteger)
P(utf8.len)
P(utf8.len, {})
P(utf8.len, 'abc', 'x')
P(utf8.len, 'abc', 1.5)
print(utf8.len(12345), utf8.len(1.5))

-- case: codepoint samples
for i, s in ipairs(samples) do
  print(i, pcall(utf8.codepoint, s, 1, -1))
  print(i, pcall(utf8.codepoint, s, 1, -1, true))
end

-- case: codepoint ranges
local s = 'h\xC3\xA4ll\xE2\x82\xAC'
print(utf8.codepoint(s))
print(utf8.codepoint(s, 2))
print(utf8.codepoint(s, 1, -1))
print(utf8.codepoint(s, 6))
print(utf8.codepoint(s, -3))
print(utf8.codepoint(s, 4, 2))
print(select('#', utf8.codepoint(s, 4, 2)))
print(utf8.codepoint(s, 1, 2))
print(pcall(utf8.codepoint, s, 3))
print(pcall(utf8.codepoint, s, 7))
print(utf8.codepoint('abc', -1), utf8.codepoint('abc', 3, 3))

-- case: codepoint errors
P(utf8.codepoint, 'abc', 4)
P(utf8.codepoint, 'abc', 0)
P(utf8.codepoint, 'abc', 1, 4)
P(utf8.codepoint, 'abc', -4)
P(utf8.codepoint, '', 1)
P(utf8.codepoint, 'abc', math.mininteger)
P(utf8.codepoint, 'abc', math.maxinteger)
P(utf8.codepoint, '\xff')
P(utf8.codepoint)
P(utf8.codepoint, 'abc', 'x')
print(pcall(function() return utf8.codepoint('\xF4\x90\x80\x80') end))
print(utf8.codepoint('', 1, 0), select('#', utf8.codepoint('', 1, 0)))

-- case: offset
local s = 'h\xC3\xA4ll\xE2\x82\xAC!'
for n = -8, 8 do
  local row = {}
  for i = 1, #s + 1 do
    local ok, r = pcall(utf8.offset, s, n, i)
    row[#row + 1] = ok and tostring(r) or 'E'
  end
  print(n, table.concat(row, ' '))
end
print(utf8.offset(s, 3), utf8.offset(s, -1), utf8.offset(s, 0, 3), utf8.offset(s, 10), utf8.offset(s, 0))
print(utf8.offset('abc', 4), utf8.offset('abc', 5), utf8.offset('abc', -3), utf8.offset('abc', -4))
print(utf8.offset('', 1), utf8.offset('', 0), utf8.offset('', -1), utf8.offset('', 2))

-- case: offset errors
P(utf8.offset, 'h\xC3\xA4', 1, 3)
P(utf8.offset, 'abc', 1, 5)
P(utf8.offset, 'abc', 1, 0)
P(utf8.offset, 'abc', 1, -5)
P(utf8.offset, 'abc')
P(utf8.offset, 'abc', 'x')
P(utf8.offset, 'abc', 1.5)
P(utf8.offset, 'abc', 1, math.maxinteger)
P(utf8.offset, '\x80\x80', 1)
print(utf8.offset('\x80\x80', 0, 2), utf8.offset('a\x80\x80', 0, 3), utf8.offset('a\x80\x80', -1, 4))
print(pcall(function() return utf8.offset('\xC3\xA4', 1, 2) end))
print(utf8.offset('abc', math.maxinteger), utf8.offset('abc', math.mininteger))

-- case: codes
for i, s in ipairs(samples) do
  local out = {}
  local ok, err = pcall(function() for p, c in utf8.codes(s) do out[#out + 1] = p .. ':' .. c end end)
  local outl = {}
  local okl, errl = pcall(function() for p, c in utf8.codes(s, true) do outl[#outl + 1] = p .. ':' .. c end end)
  print(i, table.concat(out, ' '), ok, err, '|', table.concat(outl, ' '), okl, errl)
end

-- case: codes iterator protocol
local f, s, i = utf8.codes('ab')
print(type(f), s, i)
print(f('ab', 0))
print(f('ab', 1))
print(f('ab', 2))
print(f('ab', -5))
print(f('ab', 10))
print(f('h\xC3\xA4', 2))
print(f('h\xC3\xA4', 3))
print(pcall(f, 'a\xff', 1))
print(f('ab', '1'))
print(pcall(f, 'ab', 1.5))
print(pcall(f, 'ab', {}))
print(pcall(f))
local g = utf8.codes('x', true)
print(f == g, f == utf8.codes('y'))
P(utf8.codes)
P(utf8.codes, {})
print(pcall(function() for p, c in utf8.codes('a\xff') do end end))

-- case: round trip
local cps = {0, 1, 65, 127, 128, 255, 256, 2047, 2048, 55295, 57344, 65535, 65536, 1114111}
local s = utf8.char(table.unpack(cps))
print(utf8.len(s), #s)
print(table.concat({utf8.codepoint(s, 1, -1)}, ' '))
local back = {}
for _, c in utf8.codes(s) do back[#back + 1] = c end
print(table.concat(back, ' '))
local big = utf8.char(0x110000, 0x7FFFFFFF, 0xD800)
print(utf8.len(big), utf8.len(big, 1, -1, true), utf8.codepoint(big, 1, -1, true))

-- case: functions list
local names = {}
for k in pairs(utf8) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, ' '))

-- case: sample empty
local s = ''
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample ascii
local s = 'abc'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample latin and euro
local s = 'h\xC3\xA4ll\xE2\x82\xAC'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample emoji
local s = '\xF0\x9F\x98\x80x'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample max unicode
local s = '\xF4\x8F\xBF\xBF'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample above unicode
local s = '\xF4\x90\x80\x80'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample before surrogates
local s = '\xED\x9F\xBF'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample first surrogate
local s = '\xED\xA0\x80'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample last surrogate
local s = '\xED\xBF\xBF'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample after surrogates
local s = '\xEE\x80\x80'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample overlong nul
local s = '\xC0\x80'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample overlong 2
local s = '\xC1\xBF'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample smallest 2-byte
local s = '\xC2\x80'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample overlong 3
local s = '\xE0\x80\x80'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample smallest 3-byte
local s = '\xE0\xA0\x80'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample overlong 4
local s = '\xF0\x80\x80\x80'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample smallest 4-byte
local s = '\xF0\x90\x80\x80'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample 5-byte
local s = '\xF8\x88\x80\x80\x80'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample 6-byte
local s = '\xFC\x84\x80\x80\x80\x80'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample largest 6-byte
local s = '\xFD\xBF\xBF\xBF\xBF\xBF'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample byte FE
local s = '\xFE'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample byte FF
local s = '\xFF'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample lone continuation
local s = '\x80'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample continuation inside
local s = 'a\x80b'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample truncated 2-byte
local s = '\xC3'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample bad continuation
local s = '\xC3('
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample truncated 3-byte at end
local s = 'ab\xE2\x82'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample truncated after valid
local s = '\xE2\x82\xACz\xC3'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample embedded zeros
local s = '\0a\0'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample DEL
local s = '\x7F'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample largest 4-byte form
local s = '\xF7\xBF\xBF\xBF'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample largest 5-byte form
local s = '\xFB\xBF\xBF\xBF\xBF'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample overlong 5
local s = '\xF8\x87\xBF\xBF\xBF'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample overlong 6
local s = '\xFC\x83\xBF\xBF\xBF\xBF'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample extra continuation
local s = '\xC3\xA4\xA4'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample two continuations after ascii
local s = 'a\x80\x80b'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
-- case: sample mixed valid
local s = 'A\xCE\xA9\xE2\x89\xA0\xF0\x9D\x84\x9Ez'
print(#s, utf8.len(s))
print(utf8.len(s, 1, -1, true))
print(pcall(utf8.codepoint, s, 1, -1))
print(pcall(utf8.codepoint, s, 1, -1, true))
for i = 1, #s + 1 do io.write(tostring(utf8.offset(s, 0, i)), ' ', tostring(select(2, pcall(utf8.offset, s, 1, i))), ' ', tostring(select(2, pcall(utf8.offset, s, -1, i))), ' ; ') end
print()
local r = {}
print(pcall(function() for p, c in utf8.codes(s) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))
r = {}
print(pcall(function() for p, c in utf8.codes(s, true) do r[#r + 1] = p .. ':' .. c end end))
print(table.concat(r, ' '))

-- case: codepoint slice too long
print(pcall(utf8.codepoint, string.rep('a', 2e6), 1, -1))
print(select('#', utf8.codepoint(string.rep('a', 100000), 1, -1)))
print(pcall(function() return utf8.codepoint(string.rep('a', 3e6), 1, -1) end))

-- case: char many arguments
local t = {}
for i = 1, 200 do t[i] = i * 300 end
local s = utf8.char(table.unpack(t))
print(#s, utf8.len(s), utf8.codepoint(s, -3, -1))

-- case: len on long strings
local s = string.rep('h\xC3\xA4\xE2\x82\xAC', 10000)
print(#s, utf8.len(s), utf8.len(s, 7), utf8.len(s, -6))
print(utf8.len(s .. '\xff'), utf8.offset(s, 30000), utf8.offset(s, -1))
