-- attacks: a message handler that raises inside itself recursively (error in error handling); expect: ok
local ok, m = xpcall(error, function(m) error(m) end)
assert(ok == false)
