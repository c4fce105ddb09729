-- Conversions between floats and integers.
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger("8"), math.tointeger(2^62), math.tointeger(2^63))
print(math.tointeger(-2^63), math.type(math.tointeger(-2^63)), math.tointeger({}), math.tointeger(7))
print(3.0 == 3, math.type(3.0 + 0), math.type(3 + 0))
local t = {}
t[1.0] = "a"; t[2] = "b"; t[2^53] = "c"
print(t[1], t[2.0], t[2^53 | 0], #t)
for k in pairs({ [3.0] = true }) do print(k, math.type(k)) end
print(string.format("%d", 3.0), pcall(string.format, "%d", 3.5))
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.7), math.ceil(-3.2))
print(math.type(math.floor(3.7)), math.type(math.floor(1e100)), math.floor(1e100) == 1e100)
print(math.floor(-0.0), math.ceil(0.5), math.floor(2^62 + 0.0))
print(string.rep("x", 3.0), pcall(string.rep, "x", 2.5))
print(("abcdef"):sub(2.0, 4.0), pcall(string.sub, "abc", 1.5))
print(select(2.0, "a", "b"), pcall(select, 1.1, "a"))
print(table.unpack({1, 2, 3}, 2.0))
print(#{ n = 1.0 }, (7.0 // 2), math.type(7.0 // 2))
print(1e15 | 0, pcall(function() return 1e20 | 0 end))
