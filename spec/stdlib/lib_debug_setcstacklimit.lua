-- debug.setcstacklimit exists in Lua 5.4.4 for compatibility only: it changes nothing and returns 200 (LUAI_MAXCCALLS).
print(type(debug.setcstacklimit))
print(debug.setcstacklimit(200), debug.setcstacklimit(30000), debug.setcstacklimit(0))
print(pcall(debug.setcstacklimit, "x"))
print(pcall(debug.setcstacklimit))
