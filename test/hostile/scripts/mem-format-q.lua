-- attacks: string.format("%q") of 3 MB of zero bytes (each becomes "\\0"); expect: LuaMemoryLimitError
local z = ("\0"):rep(3e6)
return string.format("%q", z)
