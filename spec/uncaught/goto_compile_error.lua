-- A compile error about goto in the main file: the label is reported at the end of the chunk.
local total = 0
for i = 1, 3 do
  if i == 2 then goto continue end
  total = total + i
  ::continue::
end
print(total)
do
  goto missing_label
end
