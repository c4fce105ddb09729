-- attacks: the widest format lua5.4 allows ("%099d", "%99s", "%.99f"); expect: ok
local a = string.format("%099d", 1)
local b = string.format("%99s", "x")
local c = string.format("%.99f", 1)
assert(#a == 99 and #b == 99 and #c == 101)
