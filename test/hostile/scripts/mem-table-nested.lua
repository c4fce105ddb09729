-- attacks: a chain of nested tables; expect: LuaMemoryLimitError
local t = {}
while true do t = { t, t, t } end
