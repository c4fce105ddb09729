-- os.date in UTC ("!") for fixed timestamps, and os.time for a UTC table round trip via os.date("!*t").
local ts = { 0, 86399, 951782400, 1000000000, 1234567890, 1700000000, 4102444800 }
for _, t in ipairs(ts) do
  print(t, os.date("!%Y-%m-%d %H:%M:%S", t), os.date("!%a %b %d %j %w %y", t))
end
local d = os.date("!*t", 1234567890)
local keys = {}
for k in pairs(d) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do io.write(k, "=", tostring(d[k]), " ") end
print()
print(os.date("!%%|%p|%I|%M", 1700000000))
print(os.date("!%c", 0))
print(os.date("!%x %X %D %T %F %R", 1234567890))
print(pcall(os.date, "%Ez", 0))
print(pcall(os.date, "!%Q", 0))
print(type(os.time()), type(os.clock()), math.type(os.time()))
print(os.time({ year = 2000, month = 1, day = 1, hour = 12 }) - os.time({ year = 2000, month = 1, day = 1, hour = 0 }))
print(os.difftime(10, 4), math.type(os.difftime(10, 4)))
print(pcall(os.time, { year = 2000 }))
