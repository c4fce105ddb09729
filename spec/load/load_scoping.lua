-- A loaded chunk does not see the locals of the code that loads it; it sees globals.
local secret = "local value"
visible = "global value"
print(load("return secret")())
print(load("return visible")())
local f = load("local secret = 'chunk local'; return function() return secret end")()
print(f(), secret)
local make = load("local n = 0 return function() n = n + 1 return n end")
local c1, c2 = make(), make()
print(c1(), c1(), c2())
local chunk = load("return ...")
print(chunk(1, nil, 3))
print(load("local t = {...} return #t")(1, 2, 3))
print(pcall(load("error('raised in chunk')", "=errchunk")))
print(pcall(load("error('level 2 from chunk', 2)", "=errchunk2")))
