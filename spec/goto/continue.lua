-- goto continue: skipping the rest of a loop body.
for i = 1, 10 do
  if i % 2 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
local i = 0
while i < 10 do
  i = i + 1
  if i % 3 ~= 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
local j = 0
repeat
  j = j + 1
  if j == 2 then goto continue end
  io.write(j, " ")
  ::continue::
until j >= 4
print()
for _, w in ipairs({ "keep", "skip", "keep2", "skip" }) do
  if w == "skip" then goto next_word end
  do
    local upper = w:upper()
    io.write(upper, " ")
  end
  ::next_word::
end
print()
