-- Order comparisons between incompatible types.
local function try(f) print(select(2, pcall(f))) end
try(function() return 1 < nil end)
try(function() return nil < 1 end)
try(function() return 1 <= "2" end)
try(function() return "a" > 1 end)
try(function() return {} < {} end)
try(function() return {} <= 1 end)
try(function() return true < false end)
try(function() return print < print end)
try(function() local x; return x >= 0 end)
try(function() return coroutine.create(print) < 1 end)
try(function() return 1.5 < "1" end)
print(pcall(function() return {} == 1, nil == false, "1" == 1 end))
