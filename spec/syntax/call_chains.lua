-- Valid and invalid chains of calls, indexing and method calls.
local snippets = {
  "a.b.c.d()", "a:b():c():d()", "a.b:c'x'.d{}:e[[y]]", "a()()()", "a[b][c]()", "(a)()", "(a.b)()",
  "a:b.c()", "a.:b()", "a:()", "a..b()", "f()[1] = 2", "f().x = 2", "f():m().x = 1", "a.b[c]:d(e).f = g",
  "({}).x = 1", "('s'):len()", "\"s\":len()", "{}.x = 1", "a = b:c", "a = (b):c()", "x = f{}.y",
  "x = f''[1]", "x = f 1", "x = f ()", "f\n()",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=chain")
  print(string.format("%2d %-24s %s", i, (src:gsub("\n", "\\n")), err or "compiled"))
end
