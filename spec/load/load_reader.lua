-- load() with a reader function: pieces are concatenated until nil or "".
local parts = { "return ", "1 ", "+ ", "2" }
local i = 0
local f = load(function() i = i + 1 return parts[i] end)
print(f())
local pieces = { "local x = 10\n", "", "return x" }
local j = 0
local g = load(function() j = j + 1 return pieces[j] end)
print(g())
local chars = "return 'char by char'"
local k = 0
print(load(function() k = k + 1; if k <= #chars then return chars:sub(k, k) end end)())
local calls = 0
load(function() calls = calls + 1 return nil end)
print(calls)
print(pcall(load, function() return {} end))
print(pcall(load, function() error("reader failed") end))
local broken = { "return (", "1 +" }
local m = 0
print(load(function() m = m + 1 return broken[m] end))
local spaced = { "ret", "urn 'split", " token'" }
local s = 0
print(load(function() s = s + 1 return spaced[s] end)())
