-- goto inside repeat-until: a continue label must come before locals used by 'until'.
local i = 0
local out = {}
repeat
  i = i + 1
  if i % 2 == 0 then goto continue end
  out[#out + 1] = i
  ::continue::
until i >= 9
print(table.concat(out, " "))
print(load("repeat goto cont local x = 1 ::cont:: until x"))
print(load("repeat local x = 1 goto cont ::cont:: until x") ~= nil)
local n = 0
repeat
  local done = false
  n = n + 1
  if n < 3 then goto skip end
  done = true
  ::skip::
until done
print(n)
