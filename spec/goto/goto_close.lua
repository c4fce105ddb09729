-- goto out of blocks closes their <close> variables; a backward goto closes variables of the iteration.
local log = {}
local function closable(name) return setmetatable({}, { __close = function() log[#log + 1] = "close " .. name end }) end
do
  local n = 0
  ::retry::
  n = n + 1
  do
    local c <close> = closable("attempt " .. n)
    log[#log + 1] = "body " .. n
    if n < 3 then goto retry end
  end
end
print(table.concat(log, "; "))
log = {}
for i = 1, 3 do
  local outer <close> = closable("outer " .. i)
  do
    local inner <close> = closable("inner " .. i)
    if i == 2 then goto continue end
    log[#log + 1] = "work " .. i
  end
  ::continue::
end
print(table.concat(log, "; "))
