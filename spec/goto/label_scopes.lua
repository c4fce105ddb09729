-- The same label name may be used in different blocks and functions.
for i = 1, 2 do
  for j = 1, 2 do
    if j == 1 then goto continue end
    io.write(i, j, " ")
    ::continue::
  end
  if i == 1 then goto continue end
  io.write("outer", i, " ")
  ::continue::
end
print()
local function a() goto l ::l:: return "a" end
local function b() goto l ::l:: return "b" end
print(a(), b())
do ::x:: end
do ::x:: end
print("sibling blocks")
local r = {}
for i = 1, 3 do
  do
    if i == 2 then goto skip end
    r[#r + 1] = i
  end
  ::skip::
end
print(table.concat(r, ","))
