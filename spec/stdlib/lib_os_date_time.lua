-- os.date/os.time/os.difftime/os.clock: every conversion in UTC, normalisation, date tables and errors.
local t0 = 1700000000 -- 2023-11-14 22:13:20 UTC
local specs = { "a", "A", "b", "B", "c", "C", "d", "D", "e", "F", "g", "G", "h", "H", "I", "j", "m", "M", "n",
  "p", "r", "R", "S", "t", "T", "u", "U", "V", "w", "W", "x", "X", "y", "Y", "%" }
for _, c in ipairs(specs) do io.write(c, "=[", os.date("!%" .. c, t0), "] ") end
print()
print(os.date("!%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy", t0))
print(os.date("!plain text without conversions", t0), os.date("!", t0) == "")
print(os.date("!%Y-%m-%d %H:%M:%S", 0), os.date("!%Y-%m-%d", -86400), os.date("!%Y", 253402300799))
local d = os.date("!*t", t0)
print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
print(os.date("!*t", 0).isdst, os.date("*t").isdst ~= nil, type(os.date()), type(os.date("%c")))
-- os.time normalises its table (in local time, so only compare local round trips)
local t = { year = 2000, month = 13, day = 32, hour = 25, min = 61, sec = 61 }
local ts = os.time(t)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.yday, t.wday, t.isdst ~= nil)
print(os.date("%Y-%m-%d %H:%M:%S", ts))
local back = os.date("*t", ts)
print(os.time(back) == ts, os.time({ year = 2020, month = 2, day = 29 }) + 86400 == os.time({ year = 2020, month = 3, day = 1 }))
print(os.time({ year = 2000, month = 1, day = 1, hour = 12 }) - os.time({ year = 2000, month = 1, day = 1 }))
print(os.time({ year = 2001, month = 1, day = 1, hour = 0 }) - os.time({ year = 2000, month = 1, day = 1, hour = 0 }))
print(os.time({ year = 2000, month = 1, day = 1, hour = 0, sec = -1 }) - os.time({ year = 2000, month = 1, day = 1, hour = 0 }))
print(os.time({ year = "2000", month = "6", day = 1.0 }) == os.time({ year = 2000, month = 6, day = 1 }))
print(math.type(os.time()), os.time() > 1600000000)
-- errors
print(pcall(os.time, { year = 2000, month = 1 }))
print(pcall(os.time, { year = 2000, day = 1 }))
print(pcall(os.time, { month = 1, day = 1 }))
print(pcall(os.time, { year = 2000, month = 1.5, day = 1 }))
print(pcall(os.time, { year = 2000, month = "x", day = 1 }))
print(pcall(os.time, { year = 2000, month = 1, day = 1, hour = 2^40 }))
print(pcall(os.time, { year = 2^40, month = 1, day = 1 }))
print(pcall(os.time, 5))
print(pcall(os.date, "%Ez", 0))
print(pcall(os.date, "%", 0))
print(pcall(os.date, "%5d", 0))
print(pcall(os.date, "!%Y", 2^60))
print(pcall(os.date, "%Y", "x"))
print(pcall(os.date, "%Y", 1.5))
print(pcall(os.date, {}))
-- difftime and clock
print(os.difftime(10, 4), os.difftime(4, 10), math.type(os.difftime(1, 1)))
print(pcall(os.difftime, 5))
print(pcall(os.difftime))
print(pcall(os.difftime, "a"))
print(pcall(os.difftime, 1, 1.5))
local c = os.clock()
print(math.type(c), c >= 0)
local x = 0
for i = 1, 100000 do x = x + i end
print(os.clock() >= c)
