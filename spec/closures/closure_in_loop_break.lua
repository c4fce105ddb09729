-- Closures created in a loop that exits with break or return still see their own iteration's values.
local fs = {}
for i = 1, 10 do
  local sq = i * i
  fs[#fs + 1] = function() return i, sq end
  if i == 3 then break end
end
for _, f in ipairs(fs) do io.write(table.concat({ f() }, ":"), " ") end
print()
local function find_first(t, pred)
  for idx, v in ipairs(t) do
    if pred(v) then return function() return idx, v end end
  end
end
local getter = find_first({ 5, 8, 12, 7 }, function(v) return v % 4 == 0 end)
print(getter())
local ws = {}
local n = 0
while true do
  n = n + 1
  local captured = n
  ws[#ws + 1] = function() captured = captured + 100 return captured end
  if n >= 2 then break end
end
print(ws[1](), ws[1](), ws[2]())
