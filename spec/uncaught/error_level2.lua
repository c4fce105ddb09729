-- An uncaught error blamed on the caller (level 2): the position is the call site.
local function check(n)
  if type(n) ~= "number" then
    error("expected a number, got " .. type(n), 2)
  end
  return n
end
local function double(x)
  return check(x) * 2
end
print(double(1), double(2.5))
local r = double("x")
print(r)
