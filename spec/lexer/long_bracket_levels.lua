-- Levels 0..6 of long brackets, and closing brackets of other levels inside.
local strs = {
  [[level 0 ]=] ]==] ]===] ]],
  [=[level 1 ]] ]==] [[x]]]=],
  [==[level 2 ]] ]=] ]===]]==],
  [===[level 3 ]]]]]===],
  [====[level 4]====],
  [=====[level 5
spans lines]=====],
  [======[level 6 ]]=]=====]]======],
}
for i, s in ipairs(strs) do print(i - 1, #s, s) end
local src = "return [" .. string.rep("=", 40) .. "[deep]" .. string.rep("=", 40) .. "]"
print(load(src)())
print(load("return [==[ends with wrong level]=]"))
print(load("return [=x"))
print(load("x = [==[never closed"))
print(load("--[==[ never closed comment"))
print(load("return [ [ 1 ] ]"))
