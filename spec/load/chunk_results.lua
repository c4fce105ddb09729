-- What a loaded chunk returns, and how errors inside it surface.
local function run(src) local f = assert(load(src)) return select("#", f()), f() end
print(run("return 1, 2, 3"))
print(run("return"))
print(run("local x = 5"))
print(run("return nil"))
print(run("return ..."))
print(run("do return 'early' end return 'late'"))
print(run("if true then return 'branch' end"))
print(pcall(run, "error('inside chunk', 0)"))
print(pcall(run, "local t = nil; return t.x"))
local gen = load("local n = 0 return function() n = n + 1 return n end")
local a, b = gen(), gen()
print(a(), a(), b())
