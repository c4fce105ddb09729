-- An uncaught error(nil): the interpreter reports "(error object is a nil value)".
local steps = {}
local function step(n)
  steps[#steps + 1] = n
  if n == 3 then
    error()
  end
end
for i = 1, 5 do
  step(i)
  print("step", i, "done")
end
