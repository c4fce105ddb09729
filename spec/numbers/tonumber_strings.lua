-- tonumber(s) without a base accepts exactly the numerals of the language, plus spaces and sign.
local cases = { "10", "  10  ", "-10", "+10", "- 10", "0x10", "-0x10", "0X1P4", "1e2", "1E+2", "1e-2",
  ".5", "5.", ".", "e1", "1e", "0x", "0x.", "0x.8", "1..2", "inf", "nan", "-inf", "1_000",
  "0b101", "1,5", "12abc", "\t\n\v\f\r 42 \t", "4 2", "", "0x1p", "00012", "1.5e300", "1e500",
  "-0", "-0.0", "0x8000000000000000", "9007199254740993", "\0001" }
for _, s in ipairs(cases) do
  local n = tonumber(s)
  print(string.format("%q", s), n, math.type(n))
end
print(tonumber(nil), tonumber(true), tonumber({}), tonumber(42), tonumber(4.5))
print(pcall(tonumber))
