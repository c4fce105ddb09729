-- attacks: error(nil), error with a table, a thread and a function; expect: LuaRuntimeError
local ok = pcall(error, nil)
assert(not ok)
error(coroutine.create(print))
