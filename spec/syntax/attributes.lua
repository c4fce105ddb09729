-- Syntax of local attributes <const> and <close>.
local snippets = {
  "local x <const> = 1", "local x<const>=1", "local x < const > = 1", "local x <const>", "local x <close>",
  "local x <CONST> = 1", "local x <const> <close> = 1", "local x <> = 1", "local <const> x = 1",
  "local x <const>, y <const> = 1, 2", "local x <close>, y <close> = nil, nil", "local x <close>, y = nil, 1",
  "local function f <const> () end", "local x <const> = 1; x = 2", "local t <const> = {}; t.x = 1",
  "local x <const> = 1; local function g() return x end", "local x <const> = 1; function g() x = 1 end",
  "for i <const> = 1, 2 do end", "local x <const> = 1; x.y = 2",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=attr")
  print(string.format("%2d %-52s %s", i, src, err or "compiled"))
end
