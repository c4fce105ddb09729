-- break is valid only inside a loop; it may appear in the middle of a block in Lua 5.4.
local snippets = {
  "break", "do break end", "if true then break end", "while true do break end",
  "while true do break print(1) end", "repeat break until true", "for i = 1, 2 do break break end",
  "function f() break end", "while true do local function f() break end end",
  "for i = 1, 2 do do break end end", "while true do if x then break else break end end",
  "break;", "\n\nbreak",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=brk")
  print(i, err or "compiled")
end
