-- attacks: two tables whose __index tables point at each other; expect: LuaRuntimeError
local a, b = {}, {}
setmetatable(a, { __index = b })
setmetatable(b, { __index = a })
return a.x
