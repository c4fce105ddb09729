-- debug hooks: no recursion, errors and pcall inside hooks, changing hooks from a hook, names
-- a hook does not run while a hook runs
local depth, maxdepth = 0, 0
local function inner() return 1 end
debug.sethook(function ()
  depth = depth + 1
  if depth > maxdepth then maxdepth = depth end
  inner()
  depth = depth - 1
end, "c")
inner()
debug.sethook()
print("max depth", maxdepth)

-- the hook function's name is "hook" and tracebacks say so
local names = {}
debug.sethook(function ()
  local info = debug.getinfo(1, "n")
  names[#names + 1] = info.namewhat .. " " .. tostring(info.name)
  local tb = debug.traceback()
  names[#names + 1] = tostring(string.find(tb, "in hook '%?'") ~= nil)
end, "l")
local a = 1
debug.sethook()
print(table.concat(names, " | "))

-- an error in a hook goes to the hooked code's pcall
local ok, msg = pcall(function ()
  debug.sethook(function (e, l) debug.sethook(); error("hook failed at " .. l, 0) end, "l")
  local x = 1
  return x
end)
debug.sethook()
print(ok, msg)

-- pcall and load inside a hook; a hook that replaces itself
local log = {}
debug.sethook(function (e)
  log[#log + 1] = e
  log[#log + 1] = tostring(pcall(load("return 1 + {}")))
  debug.sethook(function (e2, l)
    log[#log + 1] = e2 .. " " .. tostring(debug.gethook() ~= nil)
    debug.sethook()
  end, "l")
end, "c")
local function target() return 1 end
target()
print(table.concat(log, " "))

-- a hook cannot yield
local co = coroutine.wrap(function ()
  debug.sethook(function () coroutine.yield() end, "l")
  local z = 1
  return "done"
end)
print(pcall(co))
debug.sethook()

-- locals of the hooked function are visible from a return hook
local seen
local function foo(p, q)
  local r = p + q
  return r
end
debug.sethook(function ()
  if debug.getinfo(2, "n").name == "foo" then
    local t = {}
    for i = 1, 3 do
      local name, v = debug.getlocal(2, i)
      t[i] = name .. "=" .. tostring(v)
    end
    seen = table.concat(t, " ")
  end
end, "r")
foo(2, 3)
debug.sethook()
print(seen)
