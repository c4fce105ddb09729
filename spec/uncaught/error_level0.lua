-- An uncaught error raised with level 0: no position in the message; pending io.write output is flushed.
local function parse_flag(s)
  if s == "yes" then return true end
  if s == "no" then return false end
  error("invalid flag value '" .. s .. "' (expected yes or no)", 0)
end
for _, v in ipairs({ "yes", "no" }) do
  io.write(v, "=", tostring(parse_flag(v)), " ")
end
io.write("partial line without newline")
parse_flag("maybe")
