-- attacks: dofile, loadfile and require under strict; expect: LuaRuntimeError
assert(dofile == nil and loadfile == nil and require == nil)
return require("os")
