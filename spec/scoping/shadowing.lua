-- Inner declarations shadow outer ones until the end of their block.
local x = 1
print(x)
do
  local x = x + 1
  print(x)
  do
    local x = x * 10
    print(x)
  end
  print(x)
end
print(x)
local x = "redeclared"
print(x)
local function f(x) return x end
print(f("param"), x)
for x = 1, 2 do io.write(x, " ") end
print(x)
local y = 1
local y = y + 1
local y = y * 3
print(y)
if true then local y = "if" print(y) end
print(y)
local print = function(...) io.write("shadowed print: ", select("#", ...), "\n") end
print(1, 2, 3)
