-- os.exit(false) exits with failure status (1) without an error message; os.exit(true) would give 0.
local function cleanup_needed(items)
  for _, v in ipairs(items) do
    if v < 0 then return true end
  end
  return false
end
local items = { 3, 1, -2, 5 }
print("checking " .. #items .. " items")
if cleanup_needed(items) then
  print("exiting with false")
  os.exit(false)
end
print("not reached")
