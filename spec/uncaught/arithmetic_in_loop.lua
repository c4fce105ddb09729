-- An uncaught error after output, inside a loop in the main chunk: the message names the local.
local values = { 1, 2, "3", 4.5, {}, 5 }
local sum = 0
for i, v in ipairs(values) do
  sum = sum + v
  print(i, sum, math.type(sum))
end
print("never reached")
