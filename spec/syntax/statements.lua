-- Malformed statements and blocks, with the line where the unclosed block started.
local snippets = {
  "if x then", "if x then else", "if x then elseif", "if x", "if then end", "while x", "while x do",
  "for i = 1, 2", "for i = 1 do end", "for i, in pairs(t) do end", "for in t do end", "for i do end",
  "repeat", "repeat x = 1", "do", "do end end", "function f()", "function f() end end",
  "local function", "local function f", "return 1 x = 2", "x", "x y", "1 = x", "f() = 1",
  "if x then\n\n\n", "while true do\n x = 1\n", "function f()\n\nif x then\nend",
  "elseif x then end", "else end", "until x", "end", "then", "break = 1",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=stat")
  print(string.format("%2d %-30s %s", i, string.format("%q", src), err or "compiled"))
end
