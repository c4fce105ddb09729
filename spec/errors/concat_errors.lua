-- Concatenation of values that are not strings or numbers.
local function try(f) print(select(2, pcall(f))) end
try(function() return "a" .. nil end)
try(function() return "a" .. undefined_var end)
try(function() local l; return l .. "x" end)
try(function() local t = {} return "x" .. t.field end)
local up
try(function() return "x" .. up end)
try(function() return "x" .. {} end)
try(function() return {} .. "x" end)
try(function() return true .. "" end)
try(function() return "a" .. "b" .. nil .. "c" end)
try(function() local a, b, c = "a", nil, "c" return a .. b .. c end)
try(function() return 1 .. print end)
