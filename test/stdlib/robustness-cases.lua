-- Regression cases for test/stdlib/robustness.test.ts: argument combinations that once made a
-- library function misbehave (a JS exception, a stale argument, a host crash, a message unlike
-- the reference's). Expected output: robustness-cases.json, recorded from lua5.4 by
-- record-robustness-cases.mjs. The lines up to the first case start every case.
local function P(...) print(pcall(...)) end

-- case: debug.traceback without arguments reads no stale value
do local a, b, c, d = {}, {}, {}, {} end
print(debug.traceback())
do local a, b, c, d = {}, {}, {}, {} end
print((debug.traceback()))

-- case: debug.traceback messages and levels
print(debug.traceback(1.0))
print(debug.traceback(2^63))
print(debug.traceback(12, 1))
print(debug.traceback("a\0b", 1))
print(debug.traceback("neg", -1))
print(debug.traceback(nil, -5))
print(debug.traceback("big", math.maxinteger))
print(debug.traceback("wrap", 2^32 + 1))
print(select('#', debug.traceback({})), type(debug.traceback({})))
P(debug.traceback, "m", "x")

-- case: debug.getinfo argument checks
do local a, b, c, d = print, print, print, print end
P(debug.getinfo)
P(debug.getinfo, "x")
P(debug.getinfo, {})
P(debug.getinfo, 1, {})
P(debug.getinfo, 1, ">S")
P(debug.getinfo, 1, "S>")
P(debug.getinfo, print, "S>")
P(debug.getinfo, print, ">S")
P(debug.getinfo, 1, "%")
P(debug.getinfo, coroutine.running(), 1, ">s")
P(debug.getinfo, coroutine.running(), 1, "%f")
print(debug.getinfo(100))
print(debug.getinfo(2^32).what)

-- case: debug.getlocal and setlocal argument order
do local a, b, c, d = print, print, print, print end
P(debug.getlocal)
P(debug.getlocal, 1)
P(debug.getlocal, print)
print(debug.getlocal(print, 1))
print(debug.getlocal(function(x, y) end, 2))
P(debug.getlocal, 100, 1)
P(debug.setlocal)
P(debug.setlocal, 100, 1)
P(debug.setlocal, 1, 1)
P(debug.setlocal, 100, 1, 1)

-- case: debug upvalue functions check arguments in the reference's order
local function up() return P end
P(debug.getupvalue)
P(debug.getupvalue, {})
P(debug.getupvalue, {}, 1)
P(debug.setupvalue)
P(debug.setupvalue, up)
P(debug.setupvalue, up, 1)
P(debug.setupvalue, "x", 1, 1)
print(debug.setupvalue(up, 2, 1))
P(debug.upvalueid)
P(debug.upvalueid, "x", 1)
print(debug.upvalueid(print, 1), debug.upvalueid(up, 5))
P(debug.upvaluejoin)
P(debug.upvaluejoin, 1e100, 2^31)
P(debug.upvaluejoin, "1e2", 1)
P(debug.upvaluejoin, up, 1)
P(debug.upvaluejoin, up, 2)
P(debug.upvaluejoin, up, 1, print, 1)
P(debug.upvaluejoin, print, 1, up, 1)
P(debug.upvaluejoin, up, 1, up, 0)

-- case: debug metatables and user values
P(debug.setmetatable)
P(debug.setmetatable, {})
P(debug.setmetatable, io.stdin)
P(debug.setmetatable, {}, 1)
print(select('#', debug.getuservalue()), debug.getuservalue())
print(select('#', debug.getuservalue(1)), debug.getuservalue({}, 1))
print(select('#', debug.getuservalue(io.stdout)), debug.getuservalue(io.stdout, 1))
P(debug.getuservalue, io.stdout, "x")
P(debug.setuservalue)
P(debug.setuservalue, "z", "n", "%b")
P(debug.setuservalue, error, 1, -1e308)
P(debug.setuservalue, 1, 1)
P(debug.setuservalue, io.stdout)
print(debug.setuservalue(io.stdout, 1, 1))

-- case: debug.sethook arguments and gethook
local function h() end
P(debug.sethook, h)
P(debug.sethook, "[")
P(debug.sethook, {}, "c")
P(debug.sethook, "x", "c", "y")
P(debug.sethook, h, "c", "y")
debug.sethook(h, "")
print(debug.gethook())
debug.sethook(h, "lrcx", 0)
local f, mask, count = debug.gethook()
debug.sethook()
print(f == h, mask, count)
debug.sethook(h, "c", -1)
f, mask, count = debug.gethook()
debug.sethook()
print(f == h, mask, count)
debug.sethook(h, "", 5)
f, mask, count = debug.gethook()
debug.sethook()
print(f == h, mask, count)
print(debug.gethook())

-- case: select and setmetatable read no stale argument
do local a, b, c, d = "#x", "#y", "#z", "#w" end
P(select)
do local a, b, c, d = {}, {}, {}, {} end
P(setmetatable)
do local a, b, c, d = {}, {}, {}, {} end
print(pcall(setmetatable))

-- case: load reads no stale chunk and checks the chunk name first
do local a, b, c, d = "return 1", "return 2", "return 3", "return 4" end
P(load)
P(load, {}, {})
P(load, {}, 1)
P(load, nil, nil, "x")
local n = 0
print(load(function() n = n + 1 if n < 3 then return 12 end end))
n = 0
print(load(function() n = n + 1 if n == 1 then return "return " elseif n == 2 then return 1.5 end end)())

-- case: load from a reader of many small pieces
local n = 0
local f = load(function() n = n + 1 if n <= 200000 then return " " elseif n == 200001 then return "return 42" end end)
print(f())

-- case: loadfile and dofile check the name
P(loadfile, {})
P(dofile, {})

-- case: loadfile and dofile names end at a zero byte
print(loadfile("nosuch\0file"))
P(dofile, "\0")

-- case: collectgarbage arguments
P(collectgarbage, "a\0b")
print(collectgarbage("count\0junk") > 0)
P(collectgarbage, "generational", "[^%a-z]")
P(collectgarbage, "incremental", 1, 2, "x")
P(collectgarbage, "step", "x")
print(collectgarbage("setpause", nil) ~= nil, collectgarbage("setpause", 200) ~= nil)
print(collectgarbage("setstepmul", nil) ~= nil, collectgarbage("setstepmul", 100) ~= nil)
collectgarbage("incremental") -- (lua.c starts in generational mode, a state in incremental)
print(collectgarbage("generational", 10, 20), collectgarbage("incremental", 100, 100, 10))

-- case: finalizers that are not functions or raise non-strings
warn("@on")
setmetatable({}, {__gc = true})
print(pcall(collectgarbage))
setmetatable({}, {__gc = 1})
print(pcall(collectgarbage))
setmetatable({}, {__gc = setmetatable({}, {__name = "Thing"})})
print(pcall(collectgarbage))
setmetatable({}, {__gc = function() error(12) end})
print(pcall(collectgarbage))
setmetatable({}, {__gc = function() error({}) end})
print(pcall(collectgarbage))
setmetatable({}, {__gc = setmetatable({}, {__call = function() print("called") end})})
print(pcall(collectgarbage))

-- case: coroutine.close with a close method removed after the mark
local mt = {__close = function() end}
local co = coroutine.create(function()
  local x <close> = setmetatable({}, mt)
  coroutine.yield()
end)
coroutine.resume(co)
mt.__close = true
print(pcall(coroutine.close, co))
print(coroutine.status(co))
local mt2 = {__close = function() end}
local co2 = coroutine.create(function()
  local x <close> = setmetatable({}, mt2)
  local y <close> = setmetatable({}, {__close = function(_, e) print("second sees", e) end})
  coroutine.yield()
end)
coroutine.resume(co2)
mt2.__close = nil
print(pcall(coroutine.close, co2))

-- case: coroutine.create and wrap read no stale function
do local a, b, c, d = print, print, print, print end
print(pcall(coroutine.create))
do local a, b, c, d = print, print, print, print end
print(pcall(coroutine.wrap))
do local a, b, c, d = print, print, print, print end
print(select('#', pcall(coroutine.create)))

-- case: package.searchpath arguments and message
P(package.searchpath)
P(package.searchpath, {}, {}, {}, {})
P(package.searchpath, {}, {}, {})
P(package.searchpath, "a")
print(package.searchpath("a", "b;c;;", "", 1))
print(package.searchpath("%f[%w]", "n", -(1<<31), "["))
print(package.searchpath("a.b", "./?.x;?"))
print(package.searchpath(-0.0, "a\0b"))
print(package.searchpath("x\0y", "?;?.lua"))

-- case: package searchers and require messages
package.path = "./?.lua;./?/init.lua"
package.cpath = "./?.so"
print(package.searchers[1]("x"))
print(package.searchers[2]("x"))
print(package.searchers[3]("x"))
print(package.searchers[4]("x.y"))
print(select('#', package.searchers[4]("x")))
P(require, "nosuch")
P(require, "no.such")
package.searchers[5] = function() return 42 end
P(require, "nosuch")

-- case: package.loadlib checks its arguments
P(package.loadlib)
P(package.loadlib, "x")
P(package.loadlib, {}, "x")
P(package.loadlib, "x", function() end)

-- case: string.pack of a size past the host's strings
P(string.pack, "c1000000000000", "1e2")
P(string.pack, "c99999999999999999999", -(1<<31))
P(string.pack, "c99999999999999999999", "L", 255)
P(string.pack, "i4c3", 7, "ab")
print(#string.pack("!8 b Xd c5 z s1", 1, "abc", "zz", "q"))

-- case: os functions take C strings
print(os.remove("\0"))
print(os.remove("nosuch\0file"))
print(os.rename("nosuch\0a", "b"))
print(os.getenv("MOONBOX_TEST_VAR\0junk"))
print(os.setlocale("C\0junk"))
P(os.date, "%\0")
P(os.date, "%Qabc\0def")

-- case: options end at a zero byte
local f = io.tmpfile()
P(f.setvbuf, f, "a\0b")
print(f:seek("set\0x", 0))
f:close()
