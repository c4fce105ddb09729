-- Functions are first-class values: stored, passed, returned and compared by identity.
local function f() return "f" end
local g = f
print(f == g, f() .. g(), type(f))
local t = { f, function() return "anon" end, print }
print(t[1](), t[2](), t[3] == print)
local function apply(fn, ...) return fn(...) end
print(apply(math.max, 3, 8, 1), apply(string.upper, "x"), apply(function(...) return select("#", ...) end, 1, 2))
local function returns_fn() return function(x) return x * x end end
print(returns_fn()(9))
local a = function() end
local b = function() end
print(a == b, a == a)
local ops = { ["+"] = function(x, y) return x + y end, ["-"] = function(x, y) return x - y end }
local keys = {}
for k in pairs(ops) do keys[#keys + 1] = k end
table.sort(keys)
for _, k in ipairs(keys) do print(k, ops[k](10, 3)) end
print(select("#", (function() end)()), (function() return 1, 2 end)())
