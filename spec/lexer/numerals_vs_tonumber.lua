-- A numeral in source and the same text through tonumber() give the same value and subtype.
local cases = { "0", "10", "0x10", "1.5", "1e3", "0x1p4", ".5", "5.", "0xA.8",
  "9223372036854775807", "9223372036854775808", "0xffffffffffffffff", "1e400", "007", "0x.1" }
for _, s in ipairs(cases) do
  local lit = load("return " .. s)()
  local conv = tonumber(s)
  print(s, lit, math.type(lit), conv == lit, math.type(conv) == math.type(lit))
end
