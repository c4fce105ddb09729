-- Nested protected calls: inner errors are caught innermost; rethrowing propagates outwards.
local log = {}
local ok, err = pcall(function()
  log[#log + 1] = "outer start"
  local ok2, err2 = pcall(function()
    log[#log + 1] = "inner start"
    error("inner error", 0)
  end)
  log[#log + 1] = "inner caught: " .. err2
  error("outer error", 0)
end)
print(ok, err)
print(table.concat(log, "; "))
local function rethrow()
  local ok, e = pcall(error, { msg = "table error" })
  error(e)
end
local ok3, e3 = pcall(rethrow)
print(ok3, type(e3), e3.msg)
local function deep(n)
  if n == 0 then error("bottom", 0) end
  local ok, e = pcall(deep, n - 1)
  error(e .. "<" .. n, 0)
end
print(pcall(deep, 5))
local count = 0
local function nest(n)
  if n == 0 then return "done" end
  local ok, r = pcall(nest, n - 1)
  count = count + 1
  return r
end
print(nest(150), count)
print(pcall(pcall, pcall, pcall, error, "deep", 0))
