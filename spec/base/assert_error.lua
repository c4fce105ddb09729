-- assert and error as the basic tools of the base library.
local function check_positive(n)
  assert(type(n) == "number", "expected a number")
  if n <= 0 then error("not positive: " .. n, 2) end
  return n
end
print(pcall(check_positive, 5))
print(pcall(check_positive, "x"))
print(pcall(function() return check_positive(-1) end))  -- a tail call: level 2 has no line
print(pcall(function() local r = check_positive(-2) return r end))
print(select("#", assert(1, nil, nil)))
print(pcall(error, "msg", 0))
print(pcall(error, setmetatable({}, { __tostring = function() return "obj" end })))
local ok, e = pcall(error)
print(ok, e)
