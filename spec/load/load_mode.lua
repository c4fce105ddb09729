-- The mode argument of load(): "t" text only, "b" binary only, "bt" both, anything else rejects text.
print(load("return 1", "=m", "t")())
print(load("return 2", "=m", "bt")())
print(load("return 3", "=m", "b"))
print(load("return 4", "=m", "x"))
print(load("return 5", "=m", nil)())
print(load("return 6", "=m", "tb")())
print(load("return 7", "=m", ""))
local pieces = { "return ", "8" }
local i = 0
print(load(function() i = i + 1 return pieces[i] end, "=reader", "t")())
i = 0
print(load(function() i = i + 1 return pieces[i] end, "=reader", "b"))
print(pcall(load, "return 9", "=m", {}))
print(load("\27Lua", "=fake binary", "t"))
