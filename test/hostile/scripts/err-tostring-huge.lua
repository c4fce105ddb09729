-- attacks: an error object whose __tostring returns a 5 MB string; expect: LuaRuntimeError
local big = ("x"):rep(5e6)
error(setmetatable({}, { __tostring = function() return big end }))
