-- Catching and rethrowing keeps the original message when level 0 is used.
local function inner() error("original problem") end
local ok, e = pcall(inner)
print(e)
local ok2, e2 = pcall(function() local ok, err = pcall(inner) error(err, 0) end)
print(e2)
local ok3, e3 = pcall(function() local ok, err = pcall(inner) error(err) end)
print(e3)
local ok4, e4 = pcall(function() local ok, err = pcall(inner) error("wrapped: " .. err, 0) end)
print(e4)
local function finally(f, cleanup)
  local r = table.pack(pcall(f))
  cleanup()
  if not r[1] then error(r[2], 0) end
  return table.unpack(r, 2, r.n)
end
print(pcall(finally, function() return 1, 2 end, function() print("cleanup 1") end))
print(pcall(finally, function() error("fails", 0) end, function() print("cleanup 2") end))
