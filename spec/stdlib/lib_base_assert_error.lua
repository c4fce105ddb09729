-- assert and error: returned values, messages, levels, non-string error values, argument errors.
print(assert(1, 2, 3))
print(select("#", assert(true)), select("#", assert(0, nil, nil)))
print(pcall(assert, false))
print(pcall(assert, nil, "custom message"))
print(pcall(assert, false, 42))
local ok, e = pcall(assert, false, { code = 7 })
print(ok, type(e), e.code)
print(pcall(assert))
print(pcall(assert, false, nil))
print(select("#", pcall(assert, false, nil)))
-- error with levels
local function lvl(n) error("boom", n) end
print(pcall(lvl, 1))
print(pcall(lvl, 2))
print(pcall(lvl, 0))
local function outer() lvl(3) end
print(pcall(outer))
local function mid() lvl(2) end
local function top() mid() end
print(pcall(mid))
print(pcall(function() local function m2() lvl(3) end m2() end))
print(pcall(error))
print(pcall(error, nil))
print(pcall(error, 12))
print(pcall(error, 1.5, 1))
print(pcall(error, true))
local ok2, t = pcall(error, setmetatable({}, { __tostring = function() return "TS" end }))
print(ok2, tostring(t))
print(pcall(error, "msg", 1.0))
print(pcall(error, "msg", "2"))
print(pcall(error, "msg", {}))
print(pcall(error, "msg", 2.5))
-- a number message does get a position; other values do not
local function numerr() error(99) end
print(pcall(numerr))
local function numerr2() error(99, 1) end
print(pcall(numerr2))
-- error from inside a metamethod
local mt = setmetatable({}, { __index = function(_, k) error("no field " .. k, 2) end })
print(pcall(function() return mt.x end))
-- error objects pass through nested pcall unchanged
local _, v = pcall(function() local _, v2 = pcall(error, { 1, 2, 3 }) error(v2) end)
print(#v, v[3])
