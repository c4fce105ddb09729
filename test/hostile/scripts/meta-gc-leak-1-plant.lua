-- attacks: leaving behind a garbage object whose finalizer loops forever, for a later run to trip over (see meta-gc-leak-2-victim); expect: ok
setmetatable({}, { __gc = function() while true do end end })
