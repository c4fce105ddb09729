-- Malformed assignments and local declarations.
local snippets = {
  "x, = 1", "x, y", "= 1", "x = ", "x == 1", "local x, = 1", "local = 1", "local 1 = 1",
  "local x <const>", "local x <const> = 1; x = 2", "local x <close> = nil; x = nil",
  "a.b.c", "a.b.c =", "a[1] =", "(a) = 1", "(a).b = 1", "a:b() = 1", "f() , x = 1",
  "x, f() = 1, 2", "local a.b = 1", "local a[1] = 1", "local function a.b() end",
  "local x <const> = 1 local function f() x = 1 end", "x += 1", "x++", "x = y = 1",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=assign")
  print(string.format("%2d %-48s %s", i, src, err or "compiled"))
end
