-- Cases for the math library (manual §6.7). Expected output: math-cases.json, recorded from
-- lua5.4 by record-math-cases.mjs. The lines up to the first case start every case.
local function P(...) print(pcall(...)) end
-- a value with its subtype: 3 -> "3:i", 3.0 -> "3.0:f", "3" -> "3:string"
local function S(v)
  local mt = math.type(v)
  if mt == 'integer' then return tostring(v) .. ':i' end
  if mt == 'float' then return tostring(v) .. ':f' end
  return tostring(v) .. ':' .. type(v)
end
local function show(...)
  local n = select('#', ...)
  local parts = {}
  for i = 1, n do parts[i] = S((select(i, ...))) end
  print(table.concat(parts, ' '))
end
-- exact float digits
local function X(v) if math.type(v) == 'float' then return string.format('%.17g', v) end return tostring(v) end
local nan = 0/0
local inputs = {0, 1, -1, 2, -2, 3, 7, -7, 100, 2^53, -2^53, math.maxinteger, math.mininteger,
  math.maxinteger - 1, math.mininteger + 1, 0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.1, -0.1,
  1e-300, -1e-300, 5e-324, 1e300, -1e300, 2^63, -2^63, 2^64, 2^52 + 0.5, 1/3, math.pi, -math.pi,
  math.huge, -math.huge, nan, -nan, '10', '-3.5', ' 0x10 ', '1e2'}

-- case: constants
show(math.pi, math.huge, -math.huge, math.maxinteger, math.mininteger)
print(X(math.pi), math.maxinteger + 1 == math.mininteger, math.mininteger - 1 == math.maxinteger)
print(math.huge > math.maxinteger, -math.huge < math.mininteger)

-- case: abs
for _, v in ipairs(inputs) do show(v, math.abs(v)) end
P(math.abs)
P(math.abs, 'x')
P(math.abs, {})
P(math.abs, nil)

-- case: floor
for _, v in ipairs(inputs) do show(v, math.floor(v)) end
P(math.floor)
P(math.floor, 'x')
P(math.floor, true)

-- case: ceil
for _, v in ipairs(inputs) do show(v, math.ceil(v)) end
P(math.ceil)
P(math.ceil, '')

-- case: floor and ceil near 2^63
for _, v in ipairs{2^62, 2^63 - 1024, 2^63, -2^63, -2^63 - 2048, 2^70, -2^70, 1e19, -1e19, 9.2233720368547e18} do
  show(v, math.floor(v), math.ceil(v))
end

-- case: modf
for _, v in ipairs(inputs) do show(v, math.modf(v)) end
P(math.modf)
P(math.modf, 'abc')

-- case: fmod integers
local ints = {0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10, math.maxinteger, math.mininteger, math.maxinteger - 1, math.mininteger + 1}
for _, a in ipairs(ints) do
  local row = {}
  for _, b in ipairs(ints) do
    local ok, r = pcall(math.fmod, a, b)
    row[#row + 1] = ok and S(r) or 'E'
  end
  print(a, table.concat(row, ' '))
end

-- case: fmod errors
P(math.fmod, 1, 0)
P(math.fmod, math.mininteger, 0)
P(math.fmod, 1)
P(math.fmod)
P(math.fmod, 'a', 1)
P(math.fmod, 1, 'b')
P(math.fmod, 1, {})
P(math.fmod, 'a')
P(math.fmod, 1.5)
P(math.pow)
P(math.ldexp)
P(math.ldexp, 'x')
P(math.log, 'x', 'y')
P(math.ult)
P(math.random, 'x', 'y')
print(pcall(function() return math.fmod(5, 0) end))

-- case: fmod floats
local fl = {0.0, -0.0, 1.0, -1.0, 5.5, -5.5, 2, -3, 0.3, 1e300, 1e-300, math.huge, -math.huge, nan, -nan}
for _, a in ipairs(fl) do
  local row = {}
  for _, b in ipairs(fl) do row[#row + 1] = X(math.fmod(a, b)) end
  print(X(a), table.concat(row, ' '))
end

-- case: fmod mixed and strings
show(math.fmod(7, 2.0), math.fmod(7.0, 2), math.fmod('7', '3'), math.fmod(7, '3.0'), math.fmod(-7, 3.0))
show(math.fmod(1, 0.0), math.fmod(1.0, 0), math.fmod(0, 0.0), math.fmod(2^63, 10), math.fmod(-2^63, 7))
show(math.fmod(3, math.huge), math.fmod(-3, math.huge), math.fmod(3, -math.huge), math.fmod(math.huge, 3))

-- case: sqrt exp log
for _, v in ipairs(inputs) do
  show(v, math.sqrt(v), math.exp(v), math.log(v))
end
P(math.sqrt)
P(math.exp, 'x')
P(math.log)

-- case: sqrt exact
for _, v in ipairs{0, 1, 2, 4, 9, 10, 1e10, 2^52, 0.25, 1e-10, 3, 5, 123456789} do print(v, X(math.sqrt(v))) end

-- case: log with base
local bases = {2, 10, 2.0, 10.0, 3, 0.5, 1, 0, -2, math.huge, nan, 'x10', '2'}
local xs = {1, 2, 8, 10, 100, 1000, 1e15, 2^50, 2^-1074, 27, 0.125, 0, -0.0, -1, math.huge, nan, 3, 1e308}
for _, b in ipairs(bases) do
  if b == 'x10' then b = 10 end
  local row = {}
  for _, x in ipairs(xs) do row[#row + 1] = X(math.log(x, b)) end
  print(S(b), table.concat(row, ' '))
end
P(math.log, 8, 'x')
P(math.log, 8, {})
show(math.log(8, nil), math.log('8', '2'))

-- case: log exact powers
for i = -10, 60 do
  local a, b = math.log(2^i, 2), math.log(10^i, 10)
  if a ~= i or (i >= 0 and i <= 22 and b ~= i) then print('inexact', i, X(a), X(b)) end
end
print(X(math.log(1000, 10)), X(math.log(1e-5, 10)), X(math.log(1024, 2)), X(math.log(2^0.5, 2)))

-- case: trigonometry
local angles = {0, -0.0, 0.5, -0.5, 1, 2, 3, math.pi, math.pi / 2, math.pi / 4, -math.pi / 3, 10, 100, 1e6, 1e22,
  math.huge, -math.huge, nan, '1'}
for _, v in ipairs(angles) do show(v, math.sin(v), math.cos(v), math.tan(v)) end
P(math.sin)
P(math.cos, {})
P(math.tan, nil)

-- case: inverse trigonometry
for _, v in ipairs{0, -0.0, 0.5, -0.5, 1, -1, 1.5, -2, math.huge, nan, -nan} do
  show(v, math.asin(v), math.acos(v), math.atan(v))
end
local pts = {0, -0.0, 1, -1, 2, math.huge, -math.huge, nan}
for _, y in ipairs(pts) do
  local row = {}
  for _, x in ipairs(pts) do row[#row + 1] = tostring(math.atan(y, x)) end
  print(S(y), table.concat(row, ' '))
end
show(math.atan(1, nil), math.atan('1', '2'))
print(pcall(function() return math.atan() end))
print(pcall(function() return math.atan(1, 'x') end))
print(math.atan == math.atan2)

-- case: deg rad
for _, v in ipairs{0, 1, -1, 180, 90, math.pi, -math.pi, 2 * math.pi, 1e300, math.huge, nan, -nan, '45'} do
  print(S(v), X(math.deg(v)), X(math.rad(v)))
end
P(math.deg)
P(math.rad, 'x')

-- case: tointeger
for _, v in ipairs{0, 3, -3, 3.0, -3.0, 3.5, -0.0, 2^53, 2^63, -2^63, 2^62, math.huge, nan,
  '8', ' 8 ', '8.0', '8.5', '0x10', 'x', '', {}, true} do
  print(type(v) == 'table' and 'table' or S(v), S(math.tointeger(v)))
end
P(math.tointeger)
print(math.tointeger(nil))

-- case: type
for _, v in ipairs{0, 1.0, -0.0, 2^63, math.mininteger, nan, math.huge, '1', '1.0', true, {}} do
  print(type(v), math.type(v))
end
print(math.type(nil), math.type(print))
P(math.type)

-- case: ult
local us = {0, 1, -1, 2, math.maxinteger, math.mininteger, -2, 2^53}
for _, a in ipairs(us) do
  local row = {}
  for _, b in ipairs(us) do row[#row + 1] = math.ult(a, b) and 'T' or 'F' end
  print(a, table.concat(row))
end
print(math.ult(1.0, 2), math.ult('1', 2), math.ult(2, '0x10'))
P(math.ult, 1.5, 2)
P(math.ult, 1)
P(math.ult, 'x', 1)
P(math.ult, 1, 2^63)

-- case: max min numbers
show(math.max(1), math.max(1, 2), math.max(2, 1), math.max(1, 2.0), math.max(2.0, 1), math.max(2, 2.0), math.max(2.0, 2))
show(math.min(1), math.min(1, 2), math.min(2, 1), math.min(1, 1.0), math.min(1.0, 1), math.min(-0.0, 0), math.min(0, -0.0))
show(math.max(3, 1, 4, 1, 5, 9, 2, 6), math.min(3, 1, 4, 1, 5, 9, 2, 6))
show(math.max(math.mininteger, math.maxinteger, 2^63), math.min(math.mininteger, -2^63))
show(math.max(nan, 1), math.max(1, nan), math.min(nan, 1), math.min(1, nan), math.max(-math.huge, math.huge))
show(math.max(1, 2^53, 2^53 + 1), math.max(2^53 + 1, 2^53))

-- case: max min strings and errors
P(math.max)
P(math.min)
P(math.max, '10', 2)
P(math.max, 1, '10')
P(math.max, 1, nil)
P(math.max, nil)
P(math.min, 1, {})
P(math.min, {}, {})
P(math.max, true, false)
P(math.min, setmetatable({}, {__name = 'Obj'}), 1)
show(math.max('10', '9'), math.min('10', '9'), math.max('a'), math.max({} == {} and 1 or 'z', 'y'))
print(math.max(print) == print)
print(pcall(function() return math.max(1, nil) end))

-- case: max min with __lt
local mt = {__lt = function(a, b) return a.v < b.v end}
local function V(v) return setmetatable({v = v}, mt) end
print(math.max(V(3), V(7), V(5)).v, math.min(V(3), V(7), V(1)).v)
local calls = {}
local mt2 = {__lt = function(a, b) calls[#calls + 1] = tostring(a.v) .. '<' .. tostring(b.v) return a.v < b.v end}
local a, b, c = setmetatable({v = 1}, mt2), setmetatable({v = 2}, mt2), setmetatable({v = 0}, mt2)
print(math.max(a, b, c).v, math.min(a, b, c).v, table.concat(calls, ' '))
print(pcall(math.max, V(1), 2))

-- case: compat functions
show(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 1/3), math.pow(0, 0), math.pow(-1, math.huge))
show(math.log10(1000), math.log10(0.001), math.log10(-1), math.log10(0))
show(math.sinh(1), math.cosh(1), math.tanh(1), math.sinh(0), math.tanh(math.huge), math.cosh(nan))
show(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1))
for _, v in ipairs{0, 1, -1, 0.5, 3, -10, 1024, 0.1, 1e300, 5e-324, 2.2250738585072014e-308, math.huge, -math.huge, nan, -0.0} do
  local m, e = math.frexp(v)
  print(X(v), X(m), S(e), X(math.ldexp(m, e)))
end
show(math.ldexp(1, 10), math.ldexp(0.5, -1073), math.ldexp(0.75, -1074), math.ldexp(1, 1024), math.ldexp(1, -1075),
  math.ldexp(3, 2^32 + 1), math.ldexp(-1, 1023), math.ldexp(1.5, -1075), math.ldexp(1, -1074))
P(math.ldexp, 1, 1.5)
P(math.frexp)
P(math.pow, 1)

-- case: random seeded sequences
for _, seed in ipairs{0, 1, 2, 42, -1, 12345678901234, math.maxinteger, math.mininteger, 2^53, '77', 3.0} do
  math.randomseed(seed)
  local r = {}
  for i = 1, 6 do r[#r + 1] = tostring(math.random(1, 100)) end
  r[#r + 1] = X(math.random())
  r[#r + 1] = tostring(math.random(0))
  r[#r + 1] = tostring(math.random(7))
  r[#r + 1] = tostring(math.random(-10, 10))
  print(S(seed), table.concat(r, ' '))
end

-- case: randomseed two arguments and results
print(math.randomseed(42))
print(select('#', math.randomseed(42)))
print(math.randomseed(1, 2))
print(math.random(0), math.random(0))
print(math.randomseed(-5, math.mininteger))
print(math.random(0))
print(math.randomseed(3.0, '4'))
print(select('#', math.randomseed()))
local a, b = math.randomseed()
print(math.type(a), math.type(b))

-- case: randomseed errors
P(math.randomseed, 1.5)
P(math.randomseed, 'x')
P(math.randomseed, {})
P(math.randomseed, 1, 2.5)
P(math.randomseed, nil)
P(math.randomseed, 2^63)

-- case: random ranges
math.randomseed(2024)
local spans = {{1, 1}, {0, 1}, {1, 2}, {1, 3}, {1, 6}, {1, 10}, {-5, 5}, {0, 255}, {0, 256}, {1, 1000},
  {0, 2^31}, {0, 2^32 - 1}, {0, 2^32}, {1, 2^40}, {-2^40, 2^40}, {math.mininteger, math.maxinteger},
  {math.mininteger, 0}, {0, math.maxinteger}, {math.maxinteger - 3, math.maxinteger},
  {math.mininteger, math.mininteger + 2}, {-1, 0}, {2^53, 2^53 + 10}, {1, 3.0}}
for _, s in ipairs(spans) do
  local r = {}
  for i = 1, 8 do r[i] = tostring(math.random(s[1], s[2])) end
  print(s[1], s[2], table.concat(r, ' '))
end

-- case: random one argument
math.randomseed(99)
for _, m in ipairs{1, 2, 3, 10, 100, 2^31, 2^32, 2^33, math.maxinteger, 1.0, '5'} do
  local r = {}
  for i = 1, 6 do r[i] = tostring(math.random(m)) end
  print(S(m), table.concat(r, ' '))
end

-- case: random floats
math.randomseed(7)
for i = 1, 20 do print(X(math.random())) end

-- case: random full integers
math.randomseed(8, 9)
for i = 1, 10 do print(math.random(0)) end

-- case: random errors
P(math.random, 3, 1)
P(math.random, 0, -1)
P(math.random, -5)
P(math.random, math.mininteger)
P(math.random, 1, 2, 3)
P(math.random, 0.5)
P(math.random, 1, 2.5)
P(math.random, 'x')
P(math.random, nil)
P(math.random, 1, nil)
P(math.random, {})
P(math.random, math.maxinteger, math.mininteger)
print(pcall(function() return math.random(2, 1) end))
print(pcall(function() return math.random(1, 2, 3) end))

-- case: random draws before checking arguments
math.randomseed(1)
pcall(math.random, 3, 1)
print(math.random(0))
math.randomseed(1)
pcall(math.random, 1, 2, 3)
print(math.random(0))
math.randomseed(1)
pcall(math.random, 'x')
print(math.random(0))
math.randomseed(1)
print(math.random(0))

-- case: random distribution
math.randomseed(31337)
local counts = {0, 0, 0, 0, 0, 0}
for i = 1, 6000 do local r = math.random(6) counts[r] = counts[r] + 1 end
print(table.concat(counts, ' '))
local lo, hi = 1, 0
for i = 1, 1000 do local f = math.random() if f < lo then lo = f end if f > hi then hi = f end end
print(lo >= 0, hi < 1, X(lo), X(hi))

-- case: random unseeded is a number
print(math.type(math.random()), math.type(math.random(10)), math.random(5, 5))
local r = math.random(3)
print(r >= 1 and r <= 3)

-- case: functions list
local names = {}
for k in pairs(math) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, ' '))

-- case: integer float conversions in arithmetic-like functions
show(math.abs(-0), math.abs(-0.0), math.abs(math.mininteger), math.abs(-2^63), math.abs(math.mininteger + 1))
show(math.abs('-3'), math.abs('-3.0'), math.abs(' 4 '), math.floor('3.7'), math.ceil('3.2'), math.floor('-0'))
show(math.floor(-0.0), math.ceil(-0.5), math.ceil(-0.0), math.floor(0.5), math.modf(-0.0), math.modf(-0.5))

-- case: nan signs
local n = 0/0
print(n, -n, math.abs(n), math.abs(-n), math.floor(n), math.floor(-n), math.ceil(-n))
print(math.sqrt(-1), math.sqrt(n), math.sqrt(-n), math.exp(n), math.exp(-n), math.log(-1), math.log(-n))
print(math.sin(math.huge), math.cos(-math.huge), math.tan(math.huge), math.sin(-n), math.asin(2), math.acos(-2))
print(math.fmod(n, 1), math.fmod(-n, 1), math.fmod(1, n), math.fmod(1, -n), math.fmod(n, -n), math.fmod(-n, n))
print(math.log(-1, 2), math.log(-1, 10), math.log(-1, 3), math.log(1, 1), math.log(n, 2), math.log(-n, 10))
print(math.modf(n))
print(math.modf(-n))
print(math.deg(n), math.rad(-n), math.max(n), math.min(-n), math.pow(-1, 0.5), math.log10(-1), math.atan(n, -n))

-- case: exp log precise digits
local seed = 7
local function rnd() seed = (seed * 1103515245 + 12345) % 2147483648 return seed / 2147483648 end
local out = {}
for i = 1, 200 do
  local x = (rnd() - 0.5) * 60
  out[#out + 1] = X(math.exp(x)) .. ' ' .. X(math.log(math.abs(x) + 1e-3)) .. ' ' .. X(math.log(math.abs(x) + 1, 2)) .. ' ' .. X(math.log(math.abs(x) + 1, 10))
end
print(table.concat(out, '\n'))

-- case: log of integers precise digits
local out = {}
for i = 1, 300 do out[#out + 1] = X(math.log(i)) .. ' ' .. X(math.log(i, 3)) .. ' ' .. X(math.log(i, 10)) .. ' ' .. X(math.log(i, 2)) end
print(table.concat(out, '\n'))

-- case: exp of small and large arguments
for _, x in ipairs{1e-320, -1e-320, 1e-17, -1e-17, 1e-10, 0.5, 1, 2, 10, 100, 700, 709, 709.78, 709.79, 710, -700,
  -708, -708.5, -709, -720, -744, -745, -745.2, -746, 1/3, -1/3, 0.34657359027997264, -0.34657359027997264} do
  print(X(x), X(math.exp(x)))
end

-- case: log of small and large arguments
for _, x in ipairs{5e-324, 1e-320, 2.2250738585072014e-308, 1e-300, 1e-10, 0.1, 0.5, 0.7071067811865476,
  0.9999999999999999, 1, 1.0000000000000002, 1.4142135623730951, 2, 2.718281828459045, 10, 1e10, 1e100,
  1.7976931348623157e308} do
  print(X(x), X(math.log(x)), X(math.log(x, 2)), X(math.log(x, 10)), X(math.log(x, 7)))
end

-- case: floor ceil return types with strings
for _, v in ipairs{'1', '1.0', '-1.5', '1e300', '0x10', ' 5 ', '9007199254740993', '1e100'} do
  show(v, math.floor(v), math.ceil(v))
end

-- case: abs errors and messages called directly
print(pcall(function() return math.abs() end))
print(pcall(function() return math.floor({}) end))
print(pcall(function() return math.sqrt('four') end))
print(pcall(function() local m = math return m.exp(nil) end))
print(pcall(function() return math.max() end))
print(pcall(function() return math.min() end))
print(pcall(function() return math.tointeger() end))
print(pcall(function() return math.random(1, 2, 3) end))
print(pcall(function() return math.ult(1) end))
print(pcall(function() return math.fmod(1) end))

-- case: random integer projection boundaries
math.randomseed(555)
local out = {}
for _, m in ipairs{2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257, 1023,
  1024, 1025, 65535, 65536, 65537, 2^31 - 1, 2^31, 2^31 + 1, 2^32 - 1, 2^32, 2^32 + 1, 2^53, 2^62, 2^63 - 1} do
  local r = {}
  for i = 1, 5 do r[i] = math.random(0, m) end
  out[#out + 1] = tostring(m) .. ': ' .. table.concat(r, ' ')
end
print(table.concat(out, '\n'))

-- case: random negative ranges
math.randomseed(-77)
for _, s in ipairs{{-1, 1}, {-100, -50}, {math.mininteger, math.mininteger}, {math.mininteger, -1},
  {-2^53, 2^53}, {-3, 3}} do
  local r = {}
  for i = 1, 6 do r[i] = math.random(s[1], s[2]) end
  print(s[1], s[2], table.concat(r, ' '))
end

-- case: random reseeding repeats
math.randomseed(1234)
local a = {math.random(), math.random(100), math.random(0)}
math.randomseed(1234)
local b = {math.random(), math.random(100), math.random(0)}
print(a[1] == b[1], a[2] == b[2], a[3] == b[3])
math.randomseed(1234, 0)
print(math.random() == a[1])
math.randomseed(1234, 1)
print(math.random() == a[1])

-- case: huge and pi
print(math.huge, -math.huge, math.huge == 1/0, math.type(math.huge), X(math.pi), math.type(math.pi))
print(math.maxinteger // 1, math.mininteger // -1, math.type(math.maxinteger))

-- case: modf precise
for _, v in ipairs{0.1, 1.1, -1.1, 123.456, -123.456, 2^52 + 0.5, -(2^52 + 0.5), 1e-300, 4.5e15 + 0.5} do
  local i, f = math.modf(v)
  print(X(v), S(i), X(f))
end

-- case: ult and tointeger edge
print(math.ult(math.maxinteger, math.mininteger), math.ult(math.mininteger, math.maxinteger), math.ult(0, 0))
print(math.tointeger(-0.0), math.tointeger(9007199254740993.0), math.tointeger(-2^63), math.tointeger(2^63 - 1024))

-- case: trigonometric functions precise digits
local out = {}
for i = -40, 40 do
  local x = i / 8
  out[#out + 1] = X(x) .. ' ' .. X(math.sin(x)) .. ' ' .. X(math.cos(x)) .. ' ' .. X(math.tan(x))
end
for _, x in ipairs{1, 2, 3, 10, 100, 1000, 1e5, 1e6, 1e-5, 1e-9, math.pi / 6, math.pi / 3, 1e7, 1e15} do
  out[#out + 1] = X(x) .. ' ' .. X(math.sin(x)) .. ' ' .. X(math.cos(x)) .. ' ' .. X(math.tan(x))
end
print(table.concat(out, '\n'))

-- case: inverse trigonometric functions precise digits
local out = {}
for i = -20, 20 do
  local x = i / 20
  out[#out + 1] = X(x) .. ' ' .. X(math.asin(x)) .. ' ' .. X(math.acos(x)) .. ' ' .. X(math.atan(x)) .. ' ' .. X(math.atan(x, -0.75))
end
for _, x in ipairs{2, 10, 1e5, 1e10, 1e20, -3, 1e-10, 0.1} do
  out[#out + 1] = X(x) .. ' ' .. X(math.atan(x)) .. ' ' .. X(math.atan(1, x)) .. ' ' .. X(math.atan(-x, -1))
end
print(table.concat(out, '\n'))

-- case: hyperbolic functions precise digits
local out = {}
for _, x in ipairs{0, 1e-10, 0.1, 0.3, 0.5, 1, 2, 5, 10, 21, 23, 50, 100, 700, 709.5, 710, 711, -1, -30} do
  out[#out + 1] = X(x) .. ' ' .. X(math.sinh(x)) .. ' ' .. X(math.cosh(x)) .. ' ' .. X(math.tanh(x))
end
print(table.concat(out, '\n'))
