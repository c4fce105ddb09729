-- attacks: collectgarbage("step") and ("collect") under strict; expect: LuaRuntimeError
collectgarbage("step")
