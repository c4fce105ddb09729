-- return must be the last statement of a block; an optional semicolon may follow it.
local snippets = {
  "return 1", "return 1;", "return;", "return", "return 1 2", "return 1; return 2", "return return",
  "do return end", "do return end print(1)", "return 1 print(2)", "if x then return 1 else return 2 end",
  "while x do return end", "return 1, 2, 3", "return (1), (2)", "return ...", "return f()",
  "function f() return 1 x = 1 end", "return;;", "return 1 end", "for i=1,2 do return i end",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=ret")
  print(string.format("%2d %-36s %s", i, src, err or "compiled"))
end
