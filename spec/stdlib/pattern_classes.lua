-- Character classes and sets on all 256 byte values (C locale).
local classes = { "%a", "%c", "%d", "%g", "%l", "%p", "%s", "%u", "%w", "%x", "%A", "%D", "%S", "%W", ".",
  "[%a_]", "[^%w]", "[a-f]", "[%-]", "[]]", "[^]]", "[a%-z]", "[%]%[]" }
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local s = table.concat(all)
for _, c in ipairs(classes) do
  local count, first, last = 0, nil, nil
  for i = 0, 255 do
    if string.char(i):find("^" .. c .. "$") then
      count = count + 1
      first = first or i
      last = i
    end
  end
  print(string.format("%-8s %3d %3s %3s", c, count, tostring(first), tostring(last)))
end
print(select(2, s:gsub("%w", "")))
