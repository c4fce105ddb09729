-- debug.getlocal and debug.getupvalue on C functions: stack slots are "(C temporary)", upvalues are named "".
print(pcall(debug.getlocal, 1, 1))
print(pcall(debug.getlocal, 1, 3))
local wrapped = coroutine.wrap(function() end)
local name, value = debug.getupvalue(wrapped, 1)
print(name, type(value), debug.getupvalue(wrapped, 2))
local it = string.gmatch("a b", "%a")
print(debug.getupvalue(it, 1), debug.getupvalue(it, 2))
print(debug.setupvalue(wrapped, 1, coroutine.running()))
