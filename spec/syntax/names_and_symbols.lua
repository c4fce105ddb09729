-- Names: keywords cannot be names; non-ASCII bytes are not letters.
local snippets = {
  "local and = 1", "local end = 1", "local nil = 1", "local true = 1", "function if() end",
  "t.and = 1", "t:or()", "local goto = 1", "local __index = 1", "local _ = 1", "local é = 1",
  "local naïve = 1", "x = 日本", "local a-b = 1", "local a.b", "local 2x = 1", "::end::",
  "local function function() end", "for end = 1, 2 do end", "local self = 1",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=names")
  print(string.format("%2d %-30s %s", i, src, err or "compiled"))
end
