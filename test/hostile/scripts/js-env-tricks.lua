-- attacks: _ENV replaced by a table whose __index loops; expect: LuaInstructionLimitError
local _ENV = setmetatable({}, { __index = function() while true do end end })
return print
