-- Malformed table constructors.
local snippets = {
  "t = {", "t = {1", "t = {1,", "t = {,}", "t = {;}", "t = {1,,2}", "t = {1;;2}", "t = {[1]}",
  "t = {[1] = }", "t = {[] = 1}", "t = {a = }", "t = {a b}", "t = {1 = 2}", "t = {'a' = 1}",
  "t = {[1 = 2}", "t = {a.b = 1}", "t = {...}", "t = {1, 2,}", "t = {x = 1; y = 2;}", "t = {{}{}}",
  "t = {[{}] = 1}", "t = {f()}", "t = {= 1}", "t = {function() end}", "t = {nil, nil,}",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=ctor")
  print(string.format("%2d %-22s %s", i, src, err or "compiled"))
end
