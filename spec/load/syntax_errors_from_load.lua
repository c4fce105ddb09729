-- load() returns nil plus a message for syntax errors; nothing is raised.
local snippets = {
  "x =",
  "local = 1",
  "if x then",
  "for i = 1 do end",
  "return return",
  "f(",
  "a.b:c = 1",
  "x = 1 + * 2",
  "function (a) end",
  "local t = { 1, 2",
  "print('a' 'b')",
  "x = }",
  "while true do",
  "repeat until",
  "(f)",
}
for i, src in ipairs(snippets) do
  local f, err = load(src)
  print(i, f, err)
end
