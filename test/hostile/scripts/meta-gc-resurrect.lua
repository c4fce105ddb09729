-- attacks: __gc finalizers resurrecting their object into a global, in an endless loop; expect: LuaInstructionLimitError
local mt = { __gc = function(o) resurrected = o end }
while true do setmetatable({ ("x"):rep(100) }, mt) end
