-- Deep (non-tail) recursion works; unbounded recursion is a catchable "stack overflow".
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(10000), depth(100000))
local function sum(t, i) if i > #t then return 0 end return t[i] + sum(t, i + 1) end
local t = {}
for i = 1, 5000 do t[i] = i end
print(sum(t, 1))
local function runaway(n) return 1 + runaway(n + 1) end
local ok, err = pcall(runaway, 1)
print(ok, type(err), err:find("stack overflow", 1, true) ~= nil)
local function after() return "still works" end
print(after())
local ok2, err2 = pcall(function() local function r() r() return 1 end return r() end)
print(ok2, err2:find("stack overflow", 1, true) ~= nil)
