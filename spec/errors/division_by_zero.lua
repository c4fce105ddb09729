-- Integer division and modulo by zero are errors; float division by zero is not.
local function try(f) print(pcall(f)) end
try(function() return 1 // 0 end)
try(function() return 1 % 0 end)
try(function() local z = 0 return 5 // z end)
try(function() local z = 0 return 5 % z end)
try(function() return math.mininteger // 0 end)
try(function() return 1 / 0 end)
try(function() return 1 // 0.0 end)
try(function() return 1 % 0.0 ~= 1 % 0.0 end)
try(function() return 1.0 // 0 end)
try(function() return "1" // "0" end)
try(function() return 0 // 0 end)
try(function() return math.fmod(1, 0) end)
