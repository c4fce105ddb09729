-- string.dump: strip flag, upvalues become fresh, debug info kept or stripped, errors.
local function f(a, ...) local t = { ... } return a, #t end
local d = string.dump(f)
print(d:sub(1, 4) == "\27Lua", d:byte(5), load(d)(1, 2, 3))
local stripped = string.dump(f, true)
print(#stripped <= #d, load(stripped)("x"))
-- line information survives without strip and is lost with strip
local function thrower() error("dumped error") end
print(pcall(load(string.dump(thrower))))
print(pcall(load(string.dump(thrower, true))))
print(pcall(load(string.dump(function() local x = nil; return x.y end, true))))
print(pcall(load(string.dump(function() return string.rep() end, true))))
-- upvalues of a loaded dump are fresh (nil), except the first one, which load sets to _ENV
local up = 10
local function useup() return up end
local g = load(string.dump(useup))
print(g() == _G)
local up2 = 20
local function twoups() return up, up2 end
print(select(2, load(string.dump(twoups))()))
local function useenv() return print ~= nil end
print(load(string.dump(useenv))())
print(debug.getupvalue(load(string.dump(twoups)), 2))
print(debug.getupvalue(load(string.dump(twoups, true)), 2))
-- nested functions and constants round-trip
local function outer() local function inner(x) return x * 2.5, "s", 2^63, math.mininteger end return inner(4) end
print(load(string.dump(outer))())
-- load of a dump with a different mode, truncated dumps
print(load(d, "dumped", "t"))
print(load(d:sub(1, #d - 3)))
print(load("\27Lua garbage"))
print(load("\27Lu"), load("\27Lux", "=dumpname"))
print(load(d:sub(1, 5) .. "\1" .. d:sub(7)))
print(load(d:sub(1, 12) .. "\8" .. d:sub(14)))
print(load(d .. "trailing bytes are not read")(5))
-- errors
print(pcall(string.dump))
print(pcall(string.dump, print))
print(pcall(string.dump, {}))
print(pcall(string.dump, coroutine.wrap(function() end)))
local n = 0
for _ in string.gmatch(string.dump(function() end), ".") do n = n + 1 end
print(n > 10)
