-- Operator tokens that Lua does not have, and misuse of the ones it has.
local snippets = {
  "x = a != b", "x = a && b", "x = a || b", "x = !a", "x = a += 1", "x = a ? b : c", "x = a === b",
  "x = a <> b", "x = a ** 2", "x = a => b", "x = a -> b", "x = a @ b", "x = a $ b", "x = a ~~ b",
  "x = a // / b", "x = a .. . b", "x = a ... b", "x = a < = b", "x = a = = b", "x = ~ = 1",
  "x = a >>> 1", "x = a <<< 1", "x = 1 ~= ~1", "x = - - 1", "x = not not x", "x = # # t",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=op")
  print(string.format("%2d %-16s %s", i, src, err or "compiled"))
end
