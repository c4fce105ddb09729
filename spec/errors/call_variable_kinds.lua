-- "attempt to call a nil value" names what was called.
local function try(f) print(select(2, pcall(f))) end
try(function() undefined_function() end)
try(function() local l; l() end)
try(function() local t = {} t.method() end)
try(function() local t = {} t:method() end)
try(function() local t = { inner = {} } t.inner.deep() end)
local up
try(function() up() end)
try(function() local n = 5; n() end)
try(function() ("x")() end)
try(function() local t = {} t[1]() end)
try(function() local s = "str"; s:nomethod() end)
try(function() return (nil)() end)
try(function() local t = { f = true } t.f() end)
try(function() string.nonexistent("x") end)
try(function() local t = setmetatable({}, { __index = function() return 1 end }) t.x() end)
