-- attacks: an endless list of closures with upvalues; expect: LuaMemoryLimitError
local t = {}
while true do
  local a, b, c = #t, {}, "x"
  t[#t + 1] = function() return a, b, c end
end
