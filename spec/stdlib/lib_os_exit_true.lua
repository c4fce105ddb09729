-- os.exit(true) ends with status 0 without closing the state: __close and __gc do not run.
setmetatable({}, { __gc = function() print("finalizer: not printed") end })
local guard <close> = setmetatable({}, { __close = function() print("close: not printed") end })
io.write("unflushed io.write output is still written")
os.exit(true)
