-- Cases for the io library (manual §6.8). Expected output: io-cases.json, recorded from
-- lua5.4 by record-io-cases.mjs. Each case runs in a fresh empty directory (its cwd); the
-- files left there are recorded too. A line `-- stdin: "<json string>"` gives the case's
-- standard input. The lines up to the first case start every case.
local function fmt(v)
  if type(v) == 'string' then return (string.format('%q', v):gsub('\n', 'n')) end
  if io.type(v) then return '<' .. io.type(v) .. '>' end
  if type(v) == 'function' then return '<function>' end
  if math.type(v) == 'float' then return string.format('%.17g(f)', v) end
  return tostring(v)
end
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = fmt(t[i]) end
  print(t.n .. ':', table.concat(t, ' ', 1, t.n))
end
local function writefile(name, s) local f = assert(io.open(name, 'wb')) assert(f:write(s)) assert(f:close()) end
local function readfile(name) local f = assert(io.open(name, 'rb')) local s = f:read('a') f:close() return s end
local function P(...) show(pcall(...)) end

-- case: open modes and failures
writefile('a.txt', 'hello\nworld\n')
for _, m in ipairs{'r', 'w', 'a', 'r+', 'w+', 'a+', 'rb', 'wb', 'ab', 'r+b', 'w+b', 'a+b', 'rbb', 'r+bb'} do
  local f = io.open('m_' .. m, m)
  show(m, io.type(f))
  if f then f:close() end
end
for _, m in ipairs{'rw', 'rb+', 'r+bk', '', '+', 'b', 'x', 'R', 'r ', ' r', 'wx', 'a++'} do
  P(io.open, 'a.txt', m)
end
show(io.open('missing.txt'))
show(io.open('missing.txt', 'r+'))
show(io.open('nodir/x.txt', 'w'))
show(io.open('.', 'w'))
local d = io.open('.', 'r')
show(d:read(1))
show(d:read('a'))
show(d:read('l'))
show(d:read('n'))
show(d:read(0))
d:close()
P(io.open)
P(io.open, {})
P(io.open, 'a.txt', {})
show(readfile('a.txt'))

-- case: write and read back
local f = assert(io.open('f.txt', 'w'))
show(f:write('line one\n', 'line two\n', 42, ' ', 1.5, ' ', -0.0, ' ', 1e100, '\n') == f)
show(f:write(math.maxinteger, ' ', math.mininteger, ' ', 2^63, ' ', 1/0, ' ', -1/0, ' ', 100.0, ' ', 0.1, '\n'))
show(f:write())
show(f:write(''))
f:write('no newline at end')
show(f:close())
f = assert(io.open('f.txt'))
show(f:read())
show(f:read('L'))
show(f:read('l', 'l'))
show(f:read('l'))
show(f:read('l'))
show(f:read('a'))
show(f:read('a'))
show(f:read(0))
show(f:read(1))
show(f:read('n'))
show(f:read('L'))
f:close()
show(readfile('f.txt'))

-- case: read formats
writefile('r.txt', 'abc\r\ndef\0ghi\n\nlast')
local f = assert(io.open('r.txt'))
show(f:read('*l'))
show(f:read('*L'))
show(f:read('line'))
show(f:read('Line'))
show(f:read('*a'))
f:seek('set')
show(f:read(2, 0, 3, 'l', 1, 'L', 'n', 'l'))
f:seek('set')
show(f:read(100))
show(f:read(0))
f:seek('set')
show(f:read('a', 'a', 0, 'l'))
P(f.read, f, 'x')
P(f.read, f, '')
P(f.read, f, '*')
P(f.read, f, '5')
P(f.read, f, {})
P(f.read, f, 1.5)
P(f.read, f, 1, 'l', {})
P(f.read, f, -1)
P(f.read, f, math.maxinteger)
f:close()

-- case: read numbers
local function t(s, ...)
  writefile('n.txt', s)
  local f = assert(io.open('n.txt'))
  local r = table.pack(f:read(...))
  local rest = f:read('a')
  f:close()
  for i = 1, r.n do r[i] = fmt(r[i]) .. ':' .. tostring(math.type(r[i])) end
  print(#s, table.concat(r, ',', 1, r.n), fmt(rest:sub(1, 20)), #rest)
end
t('1234' .. string.rep('0', 1000), 'n')
t('1234' .. string.rep('0', 195), 'n')
t('1234' .. string.rep('0', 196), 'n')
t('1234' .. string.rep('0', 197), 'n')
t('0x' .. string.rep('f', 198), 'n')
t('0x' .. string.rep('f', 199), 'n')
t('1.' .. string.rep('5', 198) .. 'e5', 'n')
t(string.rep(' ', 300) .. '12', 'n')
t('  \t\n\v\f\r12', 'n')
for _, s in ipairs{'0x', '0x1p', '1e', '1e5', '- 1', '+-1', 'nan', 'inf', '0x.8', '.', '1..2', '1.5.3', '00x12',
    '9223372036854775807', '9223372036854775808', '-9223372036854775808', '1e400', '0xfffffffffffffffffff',
    '-12.3-', '-0xffff+', '.3|', '5.E-3X', '+234e+13E', '0xDEADBEEFDEADBEEFx', '0x1.13Ap+3e', '.e+', '0.e;',
    '--;', '0xX;', '0x1P-2', '0X1p+', '1E+-5', '07', '0e0', '-.5', '+.5e1', '12abc', ''} do
  t(s, 'n')
end
t('5 6 7', 'n', 'n', 'n', 'n')
t(' 123.4\t-56e-2  not a number', 'n', 'n', 'n', 'l')
t('12abc', 'n', 'l')
t('1\n2\n3', '*n', 'n', 'n')

-- case: seek
local f = assert(io.open('s.txt', 'w+'))
show(f:seek())
show(f:write('0123456789'):seek())
show(f:seek('set'))
show(f:read(3), f:seek())
show(f:seek('cur', 2), f:read(1))
show(f:seek('cur', -4), f:read(2))
show(f:seek('end'), f:read(1))
show(f:seek('end', -3), f:read('a'))
show(f:seek('set', -1))
show(f:seek('end', -100))
show(f:seek('cur', 2^53))
show(f:seek('set', 20), f:write('X'), f:seek('end'))
f:seek('set')
show(f:read('a'))
P(f.seek, f, 'bad')
P(f.seek, f, 5)
P(f.seek, f, 'set', 'x')
P(f.seek, f, 'set', 1.5)
show(f:seek('cur', '3'))
f:close()
show(io.stdout:seek())
show(io.stderr:seek('set'))

-- case: append and update modes
writefile('u.txt', 'hello\nworld')
local f = assert(io.open('u.txt', 'a'))
show(f:seek())
f:write('X')
show(f:seek())
f:seek('set', 0)
f:write('Y')
show(f:seek())
show(f:read(1))
f:close()
f = assert(io.open('u.txt', 'a+'))
show(f:seek())
show(f:read('a'))
f:write('Z')
show(f:seek())
f:seek('set', 0)
show(f:read('a'))
f:close()
f = assert(io.open('u.txt', 'r+'))
show(f:read(2))
f:seek('cur')
f:write('--')
f:seek('set')
show(f:read('a'))
f:close()
f = assert(io.open('u.txt', 'w+'))
show(f:read('a'))
f:write('new')
f:seek('set', 1)
show(f:read('a'))
f:close()
show(readfile('u.txt'))

-- case: read from write-only and write to read-only
writefile('w.txt', 'data\n')
local f = assert(io.open('w.txt', 'w'))
show(f:read())
show(f:read(0))
show(f:read('a'))
show(f:read('n'))
show(f:read(5))
P(f:lines())
f:close()
f = assert(io.open('w.txt', 'r'))
show(f:write('x'))
show(f:write('') == f)
show(f:write(1))
show(f:write())
f:close()
show(io.stdin:write('x'))
show(io.stdout:read())
show(io.stdout:read('a'))
show(io.stderr:read(0))

-- case: closed files
local f = assert(io.open('c.txt', 'w'))
show(io.type(f), tostring(f):match('^file %(0x%x+%)$') ~= nil)
show(f:close())
show(io.type(f), tostring(f))
P(f.close, f)
P(io.close, f)
P(f.read, f)
P(f.write, f, 'x')
P(f.lines, f)
P(f.seek, f)
P(f.setvbuf, f, 'no')
P(f.flush, f)
P(io.input, f)
P(io.output, f)
P(io.lines, nil)
show(getmetatable(f).__tostring(f))
getmetatable(f).__gc(f)
getmetatable(f).__close(f)
show(io.type(f))

-- case: io.type and the handle metatable
show(io.type(io.stdin), io.type(io.stdout), io.type(io.stderr))
show(io.type(8), io.type(nil), io.type({}), io.type(setmetatable({}, {})), io.type('file'))
P(io.type)
local mt = getmetatable(io.stdout)
show(mt.__name, type(mt.__index), mt == getmetatable(io.stdin))
local ks = {} for k in pairs(mt) do ks[#ks + 1] = k end table.sort(ks) print(table.concat(ks, ' '))
ks = {} for k in pairs(mt.__index) do ks[#ks + 1] = k end table.sort(ks) print(table.concat(ks, ' '))
ks = {} for k in pairs(io) do ks[#ks + 1] = k end table.sort(ks) print(table.concat(ks, ' '))
show(type(io.stdin), io.stdin == io.input(), io.stdout == io.output())
show(tostring(io.stdout):match('^file %(0x%x+%)$') ~= nil)
P(mt.__tostring, 5)
P(mt.__gc, 5)
P(mt.__index.read, 5)
P(io.stdin.close)
show(io.write() == io.stdout)
show(io.stdout:write('x', 1, '\n') == io.stdout)

-- case: standard files cannot be closed
show(io.close(io.stdin))
show(io.stdout:close())
show(io.stderr:close())
show(io.close())
show(io.type(io.stdout), io.type(io.stdin))
io.write('still open\n')
P(io.close, nil)
P(io.close, 5)

-- case: default input and output
writefile('in.txt', 'first\nsecond\nthird\n')
show(io.input('in.txt') == io.input())
show(io.read())
show(io.read('L'))
local old = io.output()
show(io.output('out.txt') ~= old)
io.write('to out ', 1, '\n')
show(io.output():seek())
io.output(old)
io.write('back on stdout\n')
P(io.input, 'missing.txt')
P(io.output, 'nodir/x')
P(io.input, {})
P(io.output, true)
P(io.input, 5)
io.input():close()
P(io.read)
P(io.lines)
io.input(io.stdin)
io.output('out2.txt')
io.output():close()
P(io.write, 'x')
P(io.flush)
P(io.close)
io.output(io.stdout)
show(io.flush())
show(io.stdout:flush(), io.stderr:flush())
show(readfile('out.txt'))
P(io.read, 'x')
P(io.read, {})
P(io.read, 2.5)
P(io.write, {})
P(io.write, 'a', nil)

-- case: lines
writefile('l.txt', 'one\ntwo\n\nfour')
for l in io.lines('l.txt') do show(l) end
for l in io.lines('l.txt', 'L') do show(l) end
for a, b in io.lines('l.txt', 1, 2) do show(a, b) end
for a, b, c in io.lines('l.txt', 'l', 'n', 'l') do show(a, b, c) end
for a in io.lines('l.txt', 'a') do show(a) if a == '' then break end end
local it = io.lines('l.txt')
show(it(), it(), it(), it(), it())
P(it)
P(it)
show(select('#', io.lines('l.txt')))
local a, b, c, d = io.lines('l.txt')
show(type(a), b, c, io.type(d))
local f = assert(io.open('l.txt'))
show(select('#', f:lines()))
for l in f:lines() do show(l) end
show(io.type(f), f:read('a'), f:seek('set'))
for l in f:lines('n') do show(l) end
local it2 = f:lines()
f:close()
P(it2)
P(io.lines, 'missing.txt')
P(io.lines, {})
local many = {} for i = 1, 250 do many[i] = 1 end
show(#{io.lines('l.txt', table.unpack(many))()})
many[#many + 1] = 1
P(io.lines, 'l.txt', table.unpack(many))
P(io.lines, nil, table.unpack(many))
P(f.lines, io.stdin, table.unpack(many))
P(function() for l in io.lines('l.txt', 'x') do end end)
P(function() for l in io.lines('l.txt', {}) do end end)
P(function() for l in io.lines('l.txt', 1.5) do end end)
P(function() for l in io.lines('l.txt', 1, 'l', {}) do end end)
io.input('l.txt')
for l in io.lines() do show(l) end
show(io.type(io.input()))
for l in io.lines(nil, 'L') do show(l) end
io.input():close()
P(io.lines)

-- case: lines closes its file at the end, on break and on error
writefile('l.txt', 'a\nb\nc\n')
local fs = {}
local function grab(lv)
  for i = 1, 100 do
    local n, v = debug.getlocal(lv + 1, i)
    if n == nil then return end
    if io.type(v) then fs[#fs + 1] = v end
  end
end
for l in io.lines('l.txt') do grab(1) break end
show(#fs, io.type(fs[1]))
local ok, err = pcall(function() for l in io.lines('l.txt') do grab(1) error('boom') end end)
show(ok, err, io.type(fs[2]))
for l in io.lines('l.txt') do grab(1) end
show(io.type(fs[3]))
local n = 0
for l in io.lines('l.txt') do n = n + 1 end
show(n)

-- case: load from lines
writefile('code.lua', 'local y\n= X\nX =\nX *\n2 +\nX;\nX =\nX\n-                y;\n')
X = 1
show(load((io.lines('code.lua'))))
load((io.lines('code.lua', 'L')))()
show(X)
load((io.lines('code.lua', 1)))()
show(X)
load((io.lines('code.lua', 3)))()
show(X)
-- all four results of io.lines: the file handle becomes the chunk's _ENV
P(load(io.lines('code.lua', 'L')))
io.output('v.lua')
io.write('return 1, "two", ...')
io.close()
show(loadfile('v.lua')(3))
show(dofile('v.lua'))

-- case: binary data
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
writefile('bin.dat', all .. all)
local f = assert(io.open('bin.dat', 'rb'))
show(f:read(256) == all, f:read('a') == all, f:read(0))
f:seek('set', 250)
show(f:read(12))
f:seek('set')
local n, len = 0, 0
for l in f:lines('L') do n = n + 1 len = len + #l end
show(n, len)
f:close()
writefile('z.dat', '\0\1\2\0\0\0\255\0')
f = io.open('z.dat')
show(f:read(2), f:read('l'), f:read(0), f:read(1), f:read('a'), f:read(0))
f:close()

-- case: buffering modes
local w = assert(io.open('b.txt', 'w'))
local r = assert(io.open('b.txt', 'r'))
show(w:setvbuf('full', 2000))
w:write('x')
show(r:read('a'))
w:flush()
show(r:read('a'))
show(w:setvbuf('no'))
w:write('y')
show(r:read('a'))
show(w:setvbuf('line'))
w:write('z')
show(r:read('a'))
w:write('1\n2')
show(r:read('a'))
w:write('3\n')
show(r:read('a'))
w:setvbuf('full', 10)
w:write(string.rep('a', 20))
show(#r:read('a'))
w:write(string.rep('b', 5000))
show(#r:read('a'))
w:write(string.rep('c', 4095 - 924 - 1))
show(#r:read('a'))
w:write('de')
show(#r:read('a'))
w:write(string.rep('e', 10000))
show(#r:read('a'))
w:seek('cur')
show(#r:read('a'))
w:write('tail')
show(#r:read('a'))
w:close()
show(#r:read('a'))
r:close()
P(w.setvbuf)
P(io.stdout.setvbuf, io.stdout)
P(io.stdout.setvbuf, io.stdout, 'big')
P(io.stdout.setvbuf, io.stdout, 'no', 'x')

-- case: stdout and print stay in order
io.write('a')
print('b')
io.stdout:write('c\n')
show(io.stdout:setvbuf('no'))
io.write('d')
print('e')
io.stdout:setvbuf('line')
io.write('f\n')
io.stdout:setvbuf('full')
io.write(1, 2.5, -3, '\n')
io.stderr:write('to stderr\n')

-- case: large files
local t = '0123456789'
for i = 1, 10 do t = t .. t end
io.output('big.txt')
for i = 1, 5001 do io.write('0123456789123') end
io.write('\n12346'):close()
io.input('big.txt')
local x = io.read('a')
io.input():seek('set', 0)
local y = io.read(30001) .. io.read(1005) .. io.read(0) .. io.read(1) .. io.read(100003)
show(x == y, #x)
io.input():seek('set', 0)
y = io.read()
show(x == y .. '\n' .. io.read(), io.read())
io.input():seek('set', 4090)
show(io.read(10), io.input():seek(), io.read('n'), io.input():seek())
io.close(io.input())
io.output('t.txt')
io.write(' ' .. t .. ' ', ';', 'end of file\n')
io.close()
io.input('t.txt')
show(io.read(1) == ' ', io.read(#t) == t, io.read('a'))
io.close(io.input())

-- case: to-be-closed and collected files
do
  local f <close> = assert(io.open('tbc.txt', 'w'))
  f:write('closed by scope')
  F = f
end
show(tostring(F))
show(readfile('tbc.txt'))
for i = 1, 300 do
  local f = io.open('tbc.txt')
  io.lines('tbc.txt')
end
collectgarbage()
io.output('gc.txt')
io.write('flushed by the collector')
io.output(io.stdout)
collectgarbage()
show(readfile('gc.txt'))
local keep = io.open('left.txt', 'w')
keep:write('flushed at exit')

-- case: tmpfile
local f = io.tmpfile()
show(io.type(f))
f:write('alo')
show(f:seek('set'))
show(f:read('a'))
show(f:seek('end'))
f:close()
show(io.type(f))

-- case: popen
local f = assert(io.popen('echo hello; printf "a\\0b"'))
show(io.type(f), f:read('l'), f:read('a'))
show(f:close())
f = assert(io.popen('exit 3'))
show(f:read('a'), f:close())
f = assert(io.popen('kill -s KILL $$'))
show(f:close())
f = assert(io.popen('cat > piped.txt', 'w'))
show(f:write('through ', 'a pipe', 1, '\n') == f)
show(f:close())
show(readfile('piped.txt'))
f = io.popen('echo x', 'r')
show(f:write('x'))
f:close()
f = io.popen('cat > /dev/null', 'w')
show(f:read('a'))
f:close()
P(io.popen, 'ls', '')
P(io.popen, 'ls', 'r+')
P(io.popen, 'ls', 'rw')
P(io.popen)
for l in io.popen('printf "1\\n2\\n3"'):lines('n') do show(l) end
show(io.popen('echo hi\0there'):read('a'))

-- case: stdin lines
-- stdin: "first line\nsecond\n  42 3.5e1 0x10\nrest\nof the\ninput"
show(io.read())
show(io.read('L'))
show(io.read('n', 'n', 'n'))
show(io.read(1))
for l in io.lines() do show(l) end
show(io.read(), io.read('a'), io.read(0))
show(io.stdin:seek())
show(io.stdin:close())

-- case: stdin all at once
-- stdin: "\u0000binary\u00ff\r\n"
show(io.stdin:read('a'))
show(io.stdin:read('a'))
show(io.stdin:read('l'))

-- case: stdin numbers
-- stdin: "1 2 3\n4 five 6"
for a, b in io.stdin:lines('n', 'n') do show(a, b) end
show(io.read('a'))

-- case: seeks inside the read buffer read nothing new
for _, m in ipairs{'r', 'r+'} do
  local w = io.open('g.txt', 'w') w:write('abcdef') w:flush()
  local r = io.open('g.txt', m)
  show(r:read(2))
  w:seek('set') w:write('XYZUVW') w:flush()
  show(r:seek('set', 0), r:read('a'))
  w:seek('set') w:write('123456') w:flush()
  show(r:seek('set', 1), r:read(1))
  show(r:seek('cur', -1), r:read(1))
  w:seek('set') w:write('ghijkl') w:flush()
  show(r:seek('end', -2), r:read(1))
  show(r:flush(), r:seek('set', 1), r:read(1))
  r:close() w:close()
end

-- case: seeks read up to the target from the block start
local w = io.open('h.txt', 'w') w:write(string.rep('a', 5000)) w:flush()
local r = io.open('h.txt', 'r')
show(r:seek('set', 4099))
w:seek('set', 4096) w:write('BBBBBBBB') w:flush()
show(r:read(3))
r:seek('set', 0) show(r:read(1))
show(r:seek('set', 4097))
w:seek('set', 4096) w:write('CCCCCCCC') w:flush()
show(r:read(3))
r:close()
w:seek('set') w:write(string.rep('x', 10000)) w:flush()
r = io.open('h.txt', 'r')
show(#r:read(5000))
w:seek('set', 5000) w:write('YYYY') w:flush()
w:seek('set', 8190) w:write('ZZZZ') w:flush()
show(r:read(4))
show(r:seek('set', 8190), r:read(4))
show(r:seek('cur', -3), r:read(2), r:seek())
show(r:seek('set', 20000), r:read(1), r:seek('cur'))
r:setvbuf('no')
w:seek('set', 0) w:write('unbuffered') w:flush()
show(r:seek('set', 2), r:read(3))
w:seek('set', 5) w:write('U') w:flush()
show(r:read(2))
r:close() w:close()

-- case: reading and writing one handle
local f = assert(io.open('rw.txt', 'w+'))
f:write('0123456789')
f:seek('set', 2)
show(f:read(2))
f:write('ab')
show(f:seek())
show(f:read(2))
f:seek('set')
show(f:read('a'))
f:seek('set', 8)
f:write('XYZ')
show(f:seek('cur'), f:seek('end'))
f:seek('set')
show(f:read('a'))
f:close()
f = assert(io.open('rw.txt', 'a+'))
show(f:read(3))
f:write('++')
show(f:seek())
show(f:read('a'))
f:seek('set')
show(f:read('a'))
f:close()
show(readfile('rw.txt'))

-- case: names end at a zero byte
writefile('abc', 'content')
show(io.open('abc\0def'))
show(io.open('abc\0def', 'r\0+'):read('a'))
show(io.open('nope\0def'))
P(io.lines, 'x\0y')
P(io.input, 'x\0y')
