-- Forward goto skips statements; labels may end a block after local declarations.
print("start")
goto skip
print("skipped 1")
print("skipped 2")
::skip::
print("after skip")
local function classify(n)
  if n < 0 then goto negative end
  if n == 0 then goto zero end
  do return "positive" end
  ::negative:: do return "negative" end
  ::zero:: return "zero"
end
print(classify(-5), classify(0), classify(5))
do
  local x = 1
  goto finish
  local y = 2
  print(y)
  ::finish::
end
print("label at end of block with locals before it is allowed")
for i = 1, 3 do
  local a = i
  if a == 2 then goto continue end
  print("iteration", a)
  local b = a * 2
  ::continue::
end
