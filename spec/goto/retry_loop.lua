-- A retry loop with goto and pcall: try an operation until it succeeds or attempts run out.
local attempts = 0
local function flaky()
  attempts = attempts + 1
  if attempts < 4 then error("transient failure #" .. attempts, 0) end
  return "success after " .. attempts
end
local errors = {}
local result
::again::
do
  local ok, r = pcall(flaky)
  if not ok then
    errors[#errors + 1] = r
    if #errors < 5 then goto again end
    result = "gave up"
  else
    result = r
  end
end
print(result)
print(table.concat(errors, " | "))
