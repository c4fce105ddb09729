-- Loop control variables are local to the loop body.
local i = "outer i"
for i = 1, 3 do end
print(i)
for i = 1, 3 do
  i = i * 10
  io.write(i, " ")
end
print()
local k, v = "k", "v"
for k, v in pairs({ a = 1 }) do end
print(k, v)
for idx = 1, 2 do
  local idx = idx + 100
  io.write(idx, " ")
end
print()
print(idx)
local total = 0
for i = 1, 3 do
  for i = i, 3 do total = total + i end
end
print(total)
