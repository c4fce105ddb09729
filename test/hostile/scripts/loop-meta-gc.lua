-- attacks: an endless loop in a __gc finalizer, run by the collector during the script; expect: LuaInstructionLimitError
setmetatable({}, { __gc = function() while true do end end })
while true do local garbage = { 1, 2, 3, 4, 5, 6, 7, 8 } end
