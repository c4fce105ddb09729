-- pcall and xpcall: results, handler arguments, errors in handlers, extra arguments, argument errors.
print(pcall(function(...) return select("#", ...), ... end, 1, nil, 3))
print(pcall(print == print and function() return end))
print(select("#", pcall(function() end)))
print(pcall(pcall))
print(pcall(pcall, pcall))
print(pcall(nil))
print(pcall(42))
print(pcall({}))
print(pcall(setmetatable({}, { __call = function(self, a) return "called", a end }), "arg"))
-- xpcall passes extra arguments and gives the handler the error object
print(xpcall(function(a, b) return a + b end, print, 3, 4))
print(xpcall(function() error("E1") end, function(m) return "handled: " .. m end))
print(xpcall(function() error({ code = 5 }) end, function(m) return m.code * 2 end))
print(xpcall(function() error() end, function(m) return type(m) end))
print(xpcall(function() local x = nil; return x.y end, function(m) return (m:gsub("^.-:%d+: ", "")) end))
-- the handler's return values: only the first is kept
print(xpcall(error, function() return 1, 2, 3 end, "x"))
-- an erroring handler gives an error in error handling
print(xpcall(error, function() error("again") end, "x"))
print(xpcall(error, function(m) return nil end, "x"))
print(pcall(xpcall))
print(pcall(xpcall, print))
print(pcall(xpcall, print, nil))
print(pcall(xpcall, error, 1))
-- the handler runs before the stack unwinds, so traceback sees the erroring function
local function failing() error("deep") end
print(xpcall(failing, function(m)
  local info = debug.getinfo(2, "n")
  return m .. " / handler sees " .. tostring(info and info.name)
end))
-- nested protected calls
print(pcall(pcall, error, "inner"))
print(pcall(function() local ok, e = pcall(error, "a") error(e .. "b", 0) end))
-- error values of every type
for _, v in ipairs({ 1, 2.5, "s", true, false }) do print(pcall(error, v)) end
-- pcall with a coroutine-yielding function inside a coroutine
local co = coroutine.wrap(function() return pcall(function() coroutine.yield("y") return "done" end) end)
print(co())
print(co())
