-- Valid and invalid forms of if / while / repeat / for.
local snippets = {
  "if a then elseif b then else end", "if a then else elseif b then end", "if a then end else",
  "if (a) then end", "if a then b() end end", "while (a) do end", "while a do until b",
  "repeat until (a)", "repeat local x until x", "for i = 1, 2, 3 do end", "for i = 1, 2, 3, 4 do end",
  "for i = 1 to 10 do end", "for i, j, k in f do end", "for i in a, b, c, d do end", "for (i) = 1, 2 do end",
  "for i.x = 1, 2 do end", "for i = 1, 2 end", "for i in f end", "if a then return end",
  "if a then return; end", "while true do break; end", "do do do end end end", "do do end",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=ctl")
  print(string.format("%2d %-34s %s", i, src, err or "compiled"))
end
