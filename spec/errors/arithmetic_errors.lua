-- Arithmetic on values that are not numbers.
local function try(f) print(select(2, pcall(f))) end
try(function() return undefined_x + 1 end)
try(function() local l; return l * 2 end)
try(function() local t = {} return t.f - 1 end)
local up
try(function() return 1 / up end)
try(function() return {} + 1 end)
try(function() local t = {} return 2 ^ t end)
try(function() return true % 2 end)
try(function() local t = {} return -t end)
try(function() return print // 1 end)
try(function() local a, b = 1, nil return a + b end)
try(function() local t = { v = {} } return t.v + t.v end)
try(function() return ("10" + 1) + nil end)
try(function() local s = "abc" return s + 1 end)
try(function() local s = "abc" return 1 - s end)
try(function() local s = "12" return s * "x" end)
