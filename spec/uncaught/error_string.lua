-- An uncaught error() with a string message: message with position, traceback, exit status 1.
local records = { { name = "a", qty = 1 }, { name = "b", qty = 2 }, { name = "c" } }
local function validate(r)
  if type(r.qty) ~= "number" then
    return false
  end
  return true
end
local total = 0
for i, r in ipairs(records) do
  if not validate(r) then
    print("record " .. i .. " is invalid")
    error("something went wrong")
  end
  total = total + r.qty
  print("record " .. i .. " ok, running total " .. total)
end
print("never printed")
