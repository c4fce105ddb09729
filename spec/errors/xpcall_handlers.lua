-- xpcall calls the message handler with the error; its result becomes the error value.
local function handler(e) return "handled: " .. tostring(e) end
print(xpcall(function() error("oops") end, handler))
print(xpcall(function() error("no position", 0) end, handler))
print(xpcall(function() return "fine", 2 end, handler))
print(xpcall(function(a, b) return a + b end, handler, 3, 4))
print(xpcall(function(a, b) return a + b end, handler, 3, nil))
print(xpcall(function() error({ code = 7 }) end, function(e) return e.code * 6 end))
print(xpcall(function() error("multi") end, function(e) return 1, 2, 3 end))
print(xpcall(function() local x = nil; return x.y end, function(e) local i = e:find(": ", 1, true) return e:sub(i + 2) end))
print(xpcall(error, function(e) return "handler got " .. tostring(e) end))
local depth = 0
local r1, r2 = xpcall(function() error("outer") end, function(e)
  depth = depth + 1
  local ok, inner = pcall(error, "inside handler")
  return e .. " / " .. inner .. " / " .. tostring(ok)
end)
print(r1, r2, depth)
print(pcall(xpcall, function() end))
print(pcall(xpcall, function() error("x") end, print == nil))
print(xpcall(function() error("handler returns nothing") end, function() end))
