-- A <close> variable in a loop body is closed at the end of every iteration.
local log = {}
local function closable(name)
  return setmetatable({}, { __close = function() log[#log + 1] = name end })
end
for i = 1, 3 do
  local c <close> = closable("for" .. i)
  log[#log + 1] = "body" .. i
end
print(table.concat(log, " "))
log = {}
local i = 0
while i < 2 do
  i = i + 1
  local c <close> = closable("while" .. i)
end
repeat
  local c <close> = closable("repeat")
until true
print(table.concat(log, " "))
log = {}
local function iter_with_closer()
  local n = 0
  return function() n = n + 1; if n <= 3 then return n end end, nil, nil, closable("iterator")
end
for v in iter_with_closer() do log[#log + 1] = "v" .. v end
print(table.concat(log, " "))
log = {}
for v in iter_with_closer() do log[#log + 1] = "v" .. v; if v == 2 then break end end
print(table.concat(log, " "))
log = {}
print(pcall(function() for v in iter_with_closer() do error("in loop", 0) end end))
print(table.concat(log, " "))
