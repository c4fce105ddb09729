-- __gc runs when an object is collected (here: at a full collection, and at exit).
local log = {}
local function make(name)
  return setmetatable({}, { __gc = function() log[#log + 1] = name end })
end
do local tmp = make("tmp") end
collectgarbage()
collectgarbage()
print(table.concat(log, " "))
local keep = make("kept until exit")
local mt = { __gc = function() print("finalizer at exit") end }
setmetatable(keep, mt)
local later = {}
setmetatable(later, {})
getmetatable(later).__gc = function() print("never marked for finalization") end
print(collectgarbage("isrunning"), type(collectgarbage("count")))
print("end of program")
