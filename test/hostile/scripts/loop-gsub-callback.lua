-- attacks: an endless loop in a gsub replacement function; expect: LuaInstructionLimitError
return string.gsub("aaa", "a", function() while true do end end)
