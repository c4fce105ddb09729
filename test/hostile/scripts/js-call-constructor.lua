-- attacks: calling a string method named "constructor"; expect: LuaRuntimeError
return ("x"):constructor("return process")
