-- attacks: a __close handler allocating without end after the memory limit stopped the run; expect: LuaMemoryLimitError
local x <close> = setmetatable({}, { __close = function() local t = {} while true do t[#t + 1] = ("y"):rep(1000) .. #t end end })
local s = "x"
while true do s = s .. s end
