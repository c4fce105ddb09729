-- gsub with a library function as the replacement: results, counts, a function that
-- returns nothing, false or several values, and its errors with their tracebacks, in
-- loops run often enough that compiled code runs them too.
local text = ("alpha beta,gamma  delta 123 x;"):rep(3)
local out = {}
for round = 1, 200 do
  local up, n = text:gsub("%a+", string.upper)
  local lens = text:gsub("%a+", string.len)
  local bytes = text:gsub("(%a)", string.byte, 5)
  local kept = text:gsub("%d+", math.type)
  local sel = text:gsub("(%a)(%a)", math.max)
  local none = text:gsub("%s", print and type)
  if round % 100 == 0 then
    out[#out + 1] = table.concat({ up, n, lens, bytes, kept, sel, none }, " | ")
  end
end
print(table.concat(out, "\n"))
print(pcall(string.gsub, "abc", "%a", string.rep))
print(pcall(string.gsub, "abc", "%a", math.floor))
print(xpcall(string.gsub, debug.traceback, "abc", "%a", string.char))
print(("x"):gsub("x", tostring), ("hello"):gsub("l", string.len))
print(pcall(string.gsub, "a b", "%a", setmetatable))
print(pcall(string.gsub, "a b", "%a", error))
print(("a1b2"):gsub("%d", tonumber), pcall(string.gsub, "a,b", ",", rawequal))
