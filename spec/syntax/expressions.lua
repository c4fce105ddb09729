-- Malformed expressions.
local snippets = {
  "x = 1 +", "x = * 2", "x = (1 + 2", "x = 1 + 2)", "x = ((1)", "x = 1 2", "x = a..", "x = not",
  "x = #", "x = -", "x = 1 == == 2", "x = 1 < > 2", "x = a.1", "x = a.", "x = a[1", "x = a[]",
  "x = {1 2}", "x = f(1,)", "x = f(,1)", "x = function", "x = function(", "x = 1 and", "x = or 1",
  "x = a:b", "x = a:b.c()", "x = ...", "x = 1 ..", "x = 'a' 'b'", "x = (...)(", "x = 2 ^ ^ 3",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=expr")
  print(string.format("%2d %-18s %s", i, src, err or "compiled"))
end
