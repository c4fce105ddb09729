-- Cases for the os library (manual §6.9). Expected output: os-cases.json, recorded from
-- lua5.4 by record-os-cases.mjs (TZ=UTC unless a case says otherwise). The lines up to the
-- first case start every case.
local function P(...) print(pcall(...)) end
local function fields(t)
  return string.format('%s-%s-%s %s:%s:%s yday=%s wday=%s isdst=%s', tostring(t.year), tostring(t.month),
    tostring(t.day), tostring(t.hour), tostring(t.min), tostring(t.sec), tostring(t.yday), tostring(t.wday),
    tostring(t.isdst))
end
local ALL = '%a|%A|%b|%B|%c|%C|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%m|%M|%n|%p|%r|%R|%S|%t|%T|%u|%U|%V|%w|%W|%x|%X|%y|%Y|%z|%%'
local times = {0, 1, -1, 59, 60, 3599, 3600, 86399, 86400, -86400, 951782400, 951868800, 978307199, 978307200,
  1000000000, 1234567890, 1577836800, 1609459199, 1609459200, 1700000000, 2147483647, 2147483648, -2147483648,
  -2147483649, 4102444800, 253402300799, 253402300800, -62135596800, -62135596801, -62167219200, -62198755200,
  -100000000000, 100000000000, 1e12, 67767976233316800 - 1, -67768040609740800}

-- case: date all conversions utc
for _, t in ipairs(times) do print(t, os.date('!' .. ALL, t)) end

-- case: date all conversions local utc
for _, t in ipairs(times) do print(t, os.date(ALL, t)) end

-- case: date modifiers
local t = 1234567890
print(os.date('!%Ec|%EC|%Ex|%EX|%Ey|%EY', t))
print(os.date('!%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy', t))
print(os.date('!%Z %z', t), os.date('%Z %z', t))

-- case: date invalid conversions
for _, f in ipairs{'%Ez', '%E', '%', '%q', '%Oa', '%5d', '%-d', '%k', '%l', '%s', '%P', '%+', '%q and more',
  'abc%', '%O', '%OE', '%Ey', '%Ea', '%#d', '%_H', '%0e', '%^a', '%i', '%J', '%E%', '%%%'} do
  print(f, pcall(os.date, f, 0))
end
print(pcall(function() return os.date('%Q') end))

-- case: date weeks around new year
for y = 1998, 2012 do
  for _, md in ipairs{{12, 28}, {12, 29}, {12, 30}, {12, 31}, {1, 1}, {1, 2}, {1, 3}, {1, 4}, {1, 5}, {1, 7}, {1, 8}} do
    local yy = md[1] == 12 and y - 1 or y
    local t = os.time{year = yy, month = md[1], day = md[2], hour = 12}
    io.write(os.date('!%Y-%m-%d %a %G %g %V %U %W %j %u %w', t), '\n')
  end
end

-- case: date every day of 2024 and 2100
for _, y in ipairs{2024, 2100, 2000, 1900} do
  local t = os.time{year = y, month = 1, day = 1, hour = 0}
  local acc = {}
  for d = 0, 366 do acc[#acc + 1] = os.date('!%j%U%W%V%G%u', t + d * 86400) end
  print(y, table.concat(acc, ' '))
end

-- case: date star t
local t = os.date('*t', 1234567890)
print(fields(t))
t = os.date('!*t', 1234567890)
print(fields(t))
t = os.date('!*t', -1)
print(fields(t))
t = os.date('!*t', 2^55)
print(fields(t))
t = os.date('!*t', -62198755200)
print(fields(t))
print(os.date('*tx', 0), os.date('!*tx', 0), os.date(' *t', 0))
print(math.type(os.date('*t', 0).year), type(os.date('*t').isdst))

-- case: date default format and current time
print(#os.date() > 0, os.date() == os.date('%c'))
print(type(os.date('*t').year), os.date('%Y') == tostring(os.date('*t').year))
local now = os.time()
print(math.type(now), os.date('!%Y-%m-%d %H:%M', now) == os.date('!%Y-%m-%d %H:%M', now))

-- case: date argument errors
P(os.date, 5)
P(os.date, {})
P(os.date, '%Y', {})
P(os.date, '%Y', 1.5)
P(os.date, '%Y', 'x')
print(os.date('!%H:%M', 3600.0), os.date('!%H', '3600'), type(os.date('!%H', nil)))
P(os.date, '%c', 2^60)
P(os.date, '*t', 2^62)
P(os.date, '!%Y', math.maxinteger)
P(os.date, '!%Y', math.mininteger)
print(pcall(function() return os.date('%c', 2^60) end))

-- case: date literal text and bytes
print(os.date('!hello %% world', 0))
print(os.date('!\0%Y\0', 0) == '\0' .. '1970' .. '\0')
print(os.date('!\xff%d\xfe', 0):byte(1, -1))
print(os.date('', 0) == '', os.date('!', 0) == '')

-- case: date extreme years
for _, t in ipairs{67767976233316800 - 1, 67767976233316800, 67767976233316800 + 86400 * 366, 67768036191676799,
  67768036191676800, -67768040609740800, -67768040609740801, -67768100567971200, -67768100567971201} do
  print(t, pcall(os.date, '!%Y|%C|%y|%G|%g|%F|%c', t))
end

-- case: time from table
print(os.time{year = 2020, month = 1, day = 1, hour = 0})
print(os.time{year = 2020, month = 1, day = 1})
print(os.time{year = 2020, month = 1, day = 1, hour = 0, min = 0, sec = 0})
print(os.time{year = 1970, month = 1, day = 1, hour = 0})
print(os.time{year = 2000, month = 2, day = 29, hour = 23, min = 59, sec = 59})
print(os.time{year = 2038, month = 1, day = 19, hour = 3, min = 14, sec = 8})
print(os.time{year = 1900, month = 1, day = 1, hour = 0})
print(os.time{year = 1, month = 1, day = 1, hour = 0})
print(os.time{year = 0, month = 1, day = 1, hour = 0})
print(os.time{year = -1000, month = 6, day = 15})
print(os.time{year = 100000, month = 6, day = 15})

-- case: time normalisation
local cases = {
  {year = 2020, month = 13, day = 1}, {year = 2020, month = 0, day = 1}, {year = 2020, month = -13, day = 1},
  {year = 2020, month = 1, day = 0}, {year = 2020, month = 1, day = 0, hour = -1, min = 70, sec = -5},
  {year = 2020, month = 3, day = 0}, {year = 2021, month = 3, day = 0}, {year = 2020, month = 1, day = 366},
  {year = 2020, month = 14, day = 35, hour = 25}, {year = 2020, month = 1, day = 1, sec = 86400 * 365},
  {year = 2020, month = 1, day = 1, min = -1}, {year = 2020, month = 2^31 - 1, day = 1},
  {year = 2020, month = 1, day = 2^31 - 1}, {year = 2020, month = 1, day = -2^31},
  {year = 2020, month = 1, day = 1, hour = 2^31 - 1}, {year = 2020, month = 1, day = 1, min = -2^31},
  {year = 2020, month = 1, day = 1, sec = 2^31 - 1}, {year = 2020, month = -2^31 + 1, day = 1},
}
for _, c in ipairs(cases) do
  local t = os.time(c)
  print(t, fields(c))
end

-- case: time field errors
P(os.time, {year = 2020, month = 1})
P(os.time, {year = 2020, day = 1})
P(os.time, {month = 1, day = 1})
P(os.time, {})
P(os.time, {year = 'x', month = 1, day = 1})
P(os.time, {year = 2020.5, month = 1, day = 1})
P(os.time, {year = 2020, month = 1, day = 1, hour = '5.5'})
P(os.time, {year = 2020, month = 1, day = 1, hour = true})
P(os.time, {year = 2020, month = 1, day = 1, min = {}})
P(os.time, {year = 2^40, month = 1, day = 1})
P(os.time, {year = -2^31, month = 1, day = 1})
P(os.time, {year = 2020, month = 2^31 + 1, day = 1})
P(os.time, {year = 2020, month = 1, day = 1, hour = 2^31})
P(os.time, {year = 2020, month = 1, day = 1, sec = -2^31 - 1})
P(os.time, {year = 2020, month = 1, day = 2^31})
P(os.time, {year = math.maxinteger, month = 1, day = 1})
P(os.time, {year = 2020, month = 1, day = 1, sec = math.mininteger})
P(os.time, 5)
P(os.time, 'x')
print(pcall(function() return os.time({year = 2020}) end))

-- case: time field conversions
print(os.time{year = '2020', month = '3', day = '1', hour = '12.0'})
print(os.time{year = 2020.0, month = 3.0, day = 1.0})
print(os.time{year = ' 0x7E4 ', month = 1, day = 1, hour = 0})
print(os.time{year = 2020, month = 1, day = 1, isdst = false, hour = 0})
print(os.time{year = 2020, month = 1, day = 1, isdst = true, hour = 0})
print(os.time{year = 2020, month = 1, day = 1, isdst = 'x', hour = 0})
print(os.time{year = 2020, month = 1, day = 1, isdst = 0, hour = 0})
print(os.time(nil) >= os.time{year = 2020, month = 1, day = 1})

-- case: time limits
P(os.time, {year = 1969, month = 12, day = 31, hour = 23, min = 59, sec = 59})
P(os.time, {year = 1969, month = 12, day = 31, hour = 23, min = 59, sec = 58})
P(os.time, {year = 2147483647 + 1900, month = 12, day = 31, hour = 23})
P(os.time, {year = 2147483647 + 1900, month = 13, day = 1})
P(os.time, {year = -2147483648 + 1900, month = 1, day = 1, hour = 0})
P(os.time, {year = -2147483648 + 1900, month = 0, day = 1, hour = 0})
P(os.time, {year = -2147483648 + 1899, month = 1, day = 1, hour = 0})

-- case: time updates the table
local t = {year = 2020, month = 14, day = 35, hour = 25, min = -1, sec = 61, yday = 'junk', wday = {}, isdst = true}
print(os.time(t))
print(fields(t))
local t = {year = 1969, month = 12, day = 31, hour = 23, min = 59, sec = 59}
print(pcall(os.time, t))
print(fields(t))

-- case: time through metamethods
local src = {year = 2021, month = 6, day = 15}
local log = {}
local t = setmetatable({}, {__index = function(_, k) log[#log + 1] = 'get ' .. k return src[k] end,
  __newindex = function(_, k, v) log[#log + 1] = 'set ' .. k .. '=' .. tostring(v) end})
print(os.time(t))
print(table.concat(log, ', '))
print(pcall(os.time, setmetatable({}, {__index = function(_, k) error('no ' .. k) end})))

-- case: time round trip with date
for _, t0 in ipairs{0, 1234567890, -1234567890, 4102444800, -62135596800, 253402300799} do
  local d = os.date('!*t', t0)
  d.isdst = nil
  print(t0, os.time(d) == t0)
end

-- case: difftime
print(os.difftime(10, 5), os.difftime(5, 10), os.difftime(0, 0), math.type(os.difftime(1, 0)))
print(os.difftime(math.maxinteger, math.mininteger), os.difftime(2^53, 0), os.difftime('10', '4'))
P(os.difftime, 10)
P(os.difftime)
P(os.difftime, 1.5, 1)
P(os.difftime, 'x', 1)
P(os.difftime, 1, nil)

-- case: clock
local c = os.clock()
print(math.type(c), c >= 0)
local x = 0
for i = 1, 100000 do x = x + i end
print(os.clock() >= c)

-- case: getenv
print(os.getenv('MOONBOX_TEST_VAR'), os.getenv('MOONBOX_NO_SUCH_VARIABLE'))
print(type(os.getenv('PATH')))
P(os.getenv)
P(os.getenv, {})
print(os.getenv(123))

-- case: remove and rename errors
print(os.remove('/nonexistent-moonbox-dir/file'))
print(os.rename('/nonexistent-moonbox-dir/a', '/nonexistent-moonbox-dir/b'))
print(os.remove('/'))
P(os.remove)
P(os.rename, 'a')
P(os.remove, {})
print(os.remove(''))
print(os.rename('', 'x'))

-- case: tmpname remove rename
local n = os.tmpname()
print(type(n), #n > 0)
local n2 = n .. '.renamed'
print(os.rename(n, n2))
print(select(3, os.remove(n)))
print(os.remove(n2))
print(os.remove(n2) == nil)

-- case: remove directory
local d = os.tmpname()
os.remove(d)
print(os.execute('mkdir ' .. d))
print(os.remove(d))
print(os.remove(d) == nil)

-- case: execute
print(os.execute())
print(os.execute('true'))
print(os.execute('false'))
print(os.execute('exit 3'))
print(os.execute('exit 255'))
print(os.execute('kill -9 $$'))
print(os.execute('kill -15 $$'))
print(os.execute('true', 'ignored'))
P(os.execute, {})

-- case: setlocale
print(os.setlocale(), os.setlocale('C'), os.setlocale(''), os.setlocale('xx_YY'), os.setlocale(nil, 'all'))
print(os.setlocale('C', 'numeric'), os.setlocale('POSIX'), os.setlocale(nil, 'time'), os.setlocale('C', 'collate'))
P(os.setlocale, 'C', 'bogus')
P(os.setlocale, {})
P(os.setlocale, 'C', 5)
for _, c in ipairs{'all', 'collate', 'ctype', 'monetary', 'numeric', 'time'} do io.write(tostring(os.setlocale(nil, c)), ' ') end
print()

-- case: exit errors
P(os.exit, 'x')
P(os.exit, 1.5)

-- case: functions list
local names = {}
for k in pairs(os) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, ' '))

-- case: local time new york
-- tz: America/New_York
for _, t in ipairs{0, 1234567890, 1710054000, 1710053999, 1730613600, 1730613599, 1700000000} do
  local d = os.date('*t', t)
  print(t, os.date('%c %z %Z %H %Y-%m-%d', t), d.isdst, d.hour)
end
print(os.time{year = 2024, month = 7, day = 1, hour = 12})
print(os.time{year = 2024, month = 1, day = 1, hour = 12})
print(os.time{year = 2024, month = 7, day = 1, hour = 12, isdst = false})
print(os.time{year = 2024, month = 1, day = 1, hour = 12, isdst = true})
print(os.time{year = 2024, month = 3, day = 10, hour = 2, min = 30})
print(os.time{year = 2024, month = 11, day = 3, hour = 1, min = 30})

-- case: local time kolkata
-- tz: Asia/Kolkata
for _, t in ipairs{0, 1234567890, 1700000000, -1} do print(t, os.date('%c %z %H:%M', t)) end
print(os.time{year = 2024, month = 7, day = 1, hour = 12}, os.time{year = 1970, month = 1, day = 1, hour = 5, min = 30})

-- case: local time tokyo and berlin
-- tz: Europe/Berlin
for _, t in ipairs{0, 1234567890, 1711846800, 1711846799, 1729990800, 1729990799} do
  local d = os.date('*t', t)
  print(t, os.date('%c %z', t), d.isdst)
end
print(os.time{year = 2024, month = 7, day = 1, hour = 12}, os.time{year = 2024, month = 1, day = 1, hour = 12})

-- case: conversion %a
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%a', t) .. '/' .. os.date('%a', t) end
print(table.concat(r, ' | '))
-- case: conversion %A
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%A', t) .. '/' .. os.date('%A', t) end
print(table.concat(r, ' | '))
-- case: conversion %b
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%b', t) .. '/' .. os.date('%b', t) end
print(table.concat(r, ' | '))
-- case: conversion %B
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%B', t) .. '/' .. os.date('%B', t) end
print(table.concat(r, ' | '))
-- case: conversion %c
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%c', t) .. '/' .. os.date('%c', t) end
print(table.concat(r, ' | '))
-- case: conversion %C
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%C', t) .. '/' .. os.date('%C', t) end
print(table.concat(r, ' | '))
-- case: conversion %d
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%d', t) .. '/' .. os.date('%d', t) end
print(table.concat(r, ' | '))
-- case: conversion %D
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%D', t) .. '/' .. os.date('%D', t) end
print(table.concat(r, ' | '))
-- case: conversion %e
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%e', t) .. '/' .. os.date('%e', t) end
print(table.concat(r, ' | '))
-- case: conversion %F
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%F', t) .. '/' .. os.date('%F', t) end
print(table.concat(r, ' | '))
-- case: conversion %g
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%g', t) .. '/' .. os.date('%g', t) end
print(table.concat(r, ' | '))
-- case: conversion %G
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%G', t) .. '/' .. os.date('%G', t) end
print(table.concat(r, ' | '))
-- case: conversion %h
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%h', t) .. '/' .. os.date('%h', t) end
print(table.concat(r, ' | '))
-- case: conversion %H
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%H', t) .. '/' .. os.date('%H', t) end
print(table.concat(r, ' | '))
-- case: conversion %I
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%I', t) .. '/' .. os.date('%I', t) end
print(table.concat(r, ' | '))
-- case: conversion %j
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%j', t) .. '/' .. os.date('%j', t) end
print(table.concat(r, ' | '))
-- case: conversion %m
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%m', t) .. '/' .. os.date('%m', t) end
print(table.concat(r, ' | '))
-- case: conversion %M
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%M', t) .. '/' .. os.date('%M', t) end
print(table.concat(r, ' | '))
-- case: conversion %n
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%n', t) .. '/' .. os.date('%n', t) end
print(table.concat(r, ' | '))
-- case: conversion %p
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%p', t) .. '/' .. os.date('%p', t) end
print(table.concat(r, ' | '))
-- case: conversion %r
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%r', t) .. '/' .. os.date('%r', t) end
print(table.concat(r, ' | '))
-- case: conversion %R
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%R', t) .. '/' .. os.date('%R', t) end
print(table.concat(r, ' | '))
-- case: conversion %S
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%S', t) .. '/' .. os.date('%S', t) end
print(table.concat(r, ' | '))
-- case: conversion %t
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%t', t) .. '/' .. os.date('%t', t) end
print(table.concat(r, ' | '))
-- case: conversion %T
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%T', t) .. '/' .. os.date('%T', t) end
print(table.concat(r, ' | '))
-- case: conversion %u
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%u', t) .. '/' .. os.date('%u', t) end
print(table.concat(r, ' | '))
-- case: conversion %U
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%U', t) .. '/' .. os.date('%U', t) end
print(table.concat(r, ' | '))
-- case: conversion %V
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%V', t) .. '/' .. os.date('%V', t) end
print(table.concat(r, ' | '))
-- case: conversion %w
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%w', t) .. '/' .. os.date('%w', t) end
print(table.concat(r, ' | '))
-- case: conversion %W
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%W', t) .. '/' .. os.date('%W', t) end
print(table.concat(r, ' | '))
-- case: conversion %x
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%x', t) .. '/' .. os.date('%x', t) end
print(table.concat(r, ' | '))
-- case: conversion %X
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%X', t) .. '/' .. os.date('%X', t) end
print(table.concat(r, ' | '))
-- case: conversion %y
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%y', t) .. '/' .. os.date('%y', t) end
print(table.concat(r, ' | '))
-- case: conversion %Y
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%Y', t) .. '/' .. os.date('%Y', t) end
print(table.concat(r, ' | '))
-- case: conversion %z
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%z', t) .. '/' .. os.date('%z', t) end
print(table.concat(r, ' | '))
-- case: conversion %Z
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%Z', t) .. '/' .. os.date('%Z', t) end
print(table.concat(r, ' | '))
-- case: conversion %percent
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%%', t) .. '/' .. os.date('%%', t) end
print(table.concat(r, ' | '))
-- case: conversion %Ec
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%Ec', t) end
print(table.concat(r, ' | '))
-- case: conversion %EC
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%EC', t) end
print(table.concat(r, ' | '))
-- case: conversion %Ex
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%Ex', t) end
print(table.concat(r, ' | '))
-- case: conversion %EX
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%EX', t) end
print(table.concat(r, ' | '))
-- case: conversion %Ey
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%Ey', t) end
print(table.concat(r, ' | '))
-- case: conversion %EY
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%EY', t) end
print(table.concat(r, ' | '))
-- case: conversion %Od
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%Od', t) end
print(table.concat(r, ' | '))
-- case: conversion %Oe
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%Oe', t) end
print(table.concat(r, ' | '))
-- case: conversion %OH
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%OH', t) end
print(table.concat(r, ' | '))
-- case: conversion %OI
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%OI', t) end
print(table.concat(r, ' | '))
-- case: conversion %Om
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%Om', t) end
print(table.concat(r, ' | '))
-- case: conversion %OM
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%OM', t) end
print(table.concat(r, ' | '))
-- case: conversion %OS
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%OS', t) end
print(table.concat(r, ' | '))
-- case: conversion %Ou
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%Ou', t) end
print(table.concat(r, ' | '))
-- case: conversion %OU
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%OU', t) end
print(table.concat(r, ' | '))
-- case: conversion %OV
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%OV', t) end
print(table.concat(r, ' | '))
-- case: conversion %Ow
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%Ow', t) end
print(table.concat(r, ' | '))
-- case: conversion %OW
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%OW', t) end
print(table.concat(r, ' | '))
-- case: conversion %Oy
local r = {}
for _, t in ipairs(times) do r[#r + 1] = os.date('!%Oy', t) end
print(table.concat(r, ' | '))
