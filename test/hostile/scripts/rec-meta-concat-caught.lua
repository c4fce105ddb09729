-- attacks: recursion through __concat, the overflow caught by pcall and retried forever; expect: LuaInstructionLimitError
local mt = {}
mt.__concat = function(a, b) return a .. b end
local t = setmetatable({}, mt)
while true do pcall(function() return t .. "x" end) end
