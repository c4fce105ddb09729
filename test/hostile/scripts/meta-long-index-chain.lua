-- attacks: an __index chain 2100 tables long (lua5.4 gives up after 2000 steps; building it may take longer than the shared run's 10 ms); expect: LuaRuntimeError|LuaTimeoutError
local t = {}
for i = 1, 2100 do t = setmetatable({}, { __index = t }) end
return t.missing
