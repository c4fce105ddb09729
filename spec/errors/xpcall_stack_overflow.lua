-- a message handler runs after a Lua "stack overflow" (with room for a few calls), and a stack overflow in the handler is an error in error handling
local function overflow(n)
  overflow(n + 1)
end

local function handler(m)
  local t = setmetatable({}, {__index = function (_, k) return k end})
  return "handled: " .. tostring(string.find(m, "stack overflow") ~= nil) .. " " .. t.x
end
print(xpcall(overflow, handler, 0))

-- the extra room is given back: the next overflow is handled the same way
print(xpcall(overflow, handler, 0))

-- a handler that overflows the stack itself
local function bad(m)
  local function deep(n) return 1 + deep(n + 1) end
  return deep(0)
end
print(xpcall(overflow, bad, 0))

-- pcall without handler, inside a coroutine; to-be-closed variables are closed
local closed = false
local co = coroutine.wrap(function ()
  local x <close> = setmetatable({}, {__close = function () closed = true end})
  local ok, msg = pcall(overflow, 0)
  return ok, string.find(msg, "stack overflow") ~= nil
end)
print(co())
print("closed", closed)
