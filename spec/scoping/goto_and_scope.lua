-- Labels are visible in the block where they are defined and in nested blocks.
local out = {}
do
  local i = 1
  ::again::
  out[#out + 1] = i
  i = i + 1
  if i <= 3 then goto again end
end
print(table.concat(out, ","))
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto next_i end
    io.write(i, ":", j, " ")
  end
  ::next_i::
end
print()
do goto skip; print("not printed"); ::skip:: end
print(load("do ::a:: end goto a"))
print(load("local x goto l local y ::l:: print(y)"))
print(load("do goto l; local y ::l:: end") ~= nil)
