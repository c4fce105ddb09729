-- How the token in "near '...'" is rendered: names, strings, numbers, long strings, control bytes.
local tokens = {
  "'string token'", '"double"', "12345", "3.25", "0x1F", "1e10", "[[long\nstring]]", "[==[level 2]==]",
  "name", "nil", "true", "...", "::", "//", "..", "==", "~=", "<=", ">>", "{", "'a\\tb'", "\1", "\127", "\255",
  "'" .. string.rep("a", 100) .. "'", string.rep("n", 100), "<eof-marker>",
}
for i, tok in ipairs(tokens) do
  local src = tok == "<eof-marker>" and "local" or ("local " .. tok)
  local f, err = load(src, "=near")
  print(i, err or "compiled")
end
