-- Methods with varargs: self plus ..., forwarding to other methods.
local Logger = {}
Logger.__index = Logger
function Logger.new(prefix) return setmetatable({ prefix = prefix, lines = {} }, Logger) end
function Logger:log(fmt, ...)
  self.lines[#self.lines + 1] = self.prefix .. string.format(fmt, ...)
  return self, select("#", ...)
end
function Logger:logall(...)
  for i = 1, select("#", ...) do self:log("%s", tostring((select(i, ...)))) end
  return self
end
local l = Logger.new("> ")
print(select(2, l:log("%d + %d = %d", 1, 2, 3)))
l:logall("a", nil, 3)
print(table.concat(l.lines, "\n"))
print(pcall(l.log, l, "%d", "not a number"))
local function call_method(obj, name, ...) return obj[name](obj, ...) end
print(select(2, call_method(l, "log", "%s/%s", "x", "y")), l.lines[#l.lines])
