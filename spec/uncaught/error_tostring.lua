-- An uncaught error whose value is a table with __tostring: the interpreter prints its string form
-- (and no traceback, since the message handler only adds one to string messages).
local ErrorMT = { __tostring = function(e) return "E[" .. e.code .. "]: " .. e.msg end }
local function new_error(code, msg) return setmetatable({ code = code, msg = msg }, ErrorMT) end
local ok, e = pcall(error, new_error(1, "caught"))
print(ok, tostring(e))
local function check(x)
  if x < 0 then error(new_error(2, "negative input " .. x)) end
  return math.sqrt(x)
end
print(check(16))
print(check(-4))
