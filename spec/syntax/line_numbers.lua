-- Syntax errors report the line of the offending token, counting all kinds of line breaks.
local snippets = {
  "x = 1\ny = 2\nz = = 3",
  "x = [[\n\n\n]] y = +",
  "--[[\n\n\n]] x = )",
  "x = 'a\\\nb' y = )",
  "\r\n\r\nx = )",
  "\n\r\n\rx = )",
  "local t = {\n1,\n2,\n3\n",
  "f(\n1,\n2\n",
  "if x then\n  if y then\n  end\n",
  "x = \"unterminated\ny = 1",
  "-- comment\n-- comment\n@",
  string.rep("\n", 100) .. "x = = 1",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=lines")
  print(i, err or "compiled")
end
