-- attacks: an error 1000 frames deep: the traceback and message must stay bounded; expect: LuaRuntimeError
local function f(n) if n == 0 then error("deep") end return 1 + f(n - 1) end
return f(1000)
