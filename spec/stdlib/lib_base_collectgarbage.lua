-- collectgarbage: every option's result type, mode switches, argument errors.
print(collectgarbage("collect"), collectgarbage())
print(math.type(collectgarbage("count")), collectgarbage("count") > 0)
print(collectgarbage("stop"), collectgarbage("isrunning"))
print(collectgarbage("restart"), collectgarbage("isrunning"))
print(type(collectgarbage("step")), type(collectgarbage("step", 0)), type(collectgarbage("step", 100)))
print(collectgarbage("incremental"))
print(collectgarbage("generational"))
print(collectgarbage("generational", 20, 100))
print(collectgarbage("incremental", 200, 100, 13))
print(collectgarbage("incremental"))
print(collectgarbage("setpause", 150), collectgarbage("setpause", 200))
print(collectgarbage("setstepmul", 300), collectgarbage("setstepmul", 100))
print(pcall(collectgarbage, "bogus"))
print(pcall(collectgarbage, 1))
print(pcall(collectgarbage, "step", "x"))
print(pcall(collectgarbage, "setpause", 1.5))
print(pcall(collectgarbage, "incremental", {}))
print(math.type((select(2, pcall(collectgarbage, "count", "ignored")))))
print(pcall(collectgarbage, nil))
-- garbage is reclaimed: a weak table entry disappears after a full collection
local weak = setmetatable({}, { __mode = "v" })
weak[1] = {}
weak[2] = "strings are not collected from weak tables"
collectgarbage()
print(weak[1], weak[2])
-- finalizers run at a full collection
local log = {}
do setmetatable({}, { __gc = function() log[#log + 1] = "finalized" end }) end
collectgarbage()
print(log[1])
