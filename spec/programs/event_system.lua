-- An event emitter with ordered listeners, once-listeners, removal and error isolation.
local Emitter = {}
Emitter.__index = Emitter
function Emitter.new() return setmetatable({ listeners = {} }, Emitter) end
function Emitter:on(name, fn) local l = self.listeners[name] or {} self.listeners[name] = l l[#l + 1] = { fn = fn } return fn end
function Emitter:once(name, fn) local l = self.listeners[name] or {} self.listeners[name] = l l[#l + 1] = { fn = fn, once = true } end
function Emitter:off(name, fn)
  local l = self.listeners[name] or {}
  for i = #l, 1, -1 do if l[i].fn == fn then table.remove(l, i) end end
end
function Emitter:emit(name, ...)
  local l = self.listeners[name]
  if not l then return 0 end
  local snapshot = { table.unpack(l) }
  local errors = {}
  for _, entry in ipairs(snapshot) do
    if entry.once then self:off(name, entry.fn) end
    local ok, err = pcall(entry.fn, ...)
    if not ok then errors[#errors + 1] = err end
  end
  return #snapshot, errors
end
local e = Emitter.new()
local log = {}
local h1 = e:on("data", function(x) log[#log + 1] = "h1:" .. x end)
e:on("data", function(x) log[#log + 1] = "h2:" .. x end)
e:once("data", function(x) log[#log + 1] = "once:" .. x end)
e:on("data", function(x) if x == "bad" then error("listener failed on " .. x, 0) end end)
print((e:emit("data", "first")))
local n, errs = e:emit("data", "bad")
print(n, #errs, errs[1])
e:off("data", h1)
print((e:emit("data", "third")))
print(e:emit("nothing"))
print(table.concat(log, " "))
