-- attacks: an endless loop in a __close metamethod run at a normal block exit; expect: LuaInstructionLimitError
do
  local x <close> = setmetatable({}, { __close = function() while true do end end })
end
