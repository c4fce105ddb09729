-- attacks: an endless loop inside a generic-for iterator function; expect: LuaInstructionLimitError
for k in function() while true do end end do end
