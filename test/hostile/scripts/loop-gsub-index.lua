-- attacks: an endless loop in the __index of a gsub replacement table; expect: LuaInstructionLimitError
local repl = setmetatable({}, { __index = function() while true do end end })
return ("abc"):gsub("%w", repl)
