-- "attempt to index a nil value" names the variable: global, local, field, upvalue, method.
local function try(f) print(select(2, pcall(f))) end
try(function() return undefined_global.field end)
try(function() local l; return l.field end)
try(function() local t = {} return t.missing.field end)
try(function() local t = { a = {} } return t.a.b.c end)
local up
try(function() return up.field end)
try(function() local t = {} t.x.y = 1 end)
try(function() undefined_global.x = 1 end)
try(function() local t = {} return t[1][2] end)
try(function() local t = {} local k = "key" return t[k].z end)
try(function() return ("str").x.y end)
try(function() local a = { b = { c = {} } } return a.b.c.d.e end)
try(function() return _ENV.missing_too.x end)
try(function() local n = 42 return n.x end)
try(function() local f = print return f.x end)
try(function() local b = false return b[1] end)
