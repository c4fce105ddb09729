-- Closing order across nested scopes, function calls and pcall boundaries.
local log = {}
local function closable(name)
  return setmetatable({}, { __close = function(_, e) log[#log + 1] = name .. (e and ("!" .. tostring(e)) or "") end })
end
local function inner()
  local i1 <close> = closable("i1")
  local i2 <close> = closable("i2")
  error("E", 0)
end
local function middle()
  local m <close> = closable("m")
  local ok, err = pcall(inner)
  log[#log + 1] = "caught " .. err
  local m2 <close> = closable("m2")
  return "middle done"
end
do
  local o <close> = closable("o")
  local r = middle()
  log[#log + 1] = r
end
print(table.concat(log, " "))
log = {}
local ok, err = pcall(function()
  local a <close> = closable("a")
  do
    local b <close> = closable("b")
    do
      local c <close> = closable("c")
      error("deep", 0)
    end
  end
end)
print(ok, err, table.concat(log, " "))
