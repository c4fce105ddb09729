-- attacks: two tables whose __newindex tables point at each other; expect: LuaRuntimeError
local a, b = {}, {}
setmetatable(a, { __newindex = b })
setmetatable(b, { __newindex = a })
a.x = 1
