-- Lexical errors reported by load(): message and the token text near which they occur.
local snippets = {
  'x = "abc',
  "x = 'abc\ndef'",
  'x = "\\q"',
  'x = "\\xZZ"',
  'x = "\\u{zz}"',
  'x = "\\u{110000000}"',
  'x = 3x',
  'x = 0x',
  'x = 1e',
  'x = 1e+',
  'x = 1.2.3',
  'x = 0xep',
  'x = 12abc',
  'x = [[abc',
  '--[[ never closed',
  'x = @',
  'x = `y`',
  'x = "a" .. \1',
  'x = ~= 1',
  'x = 1 ! 2',
  "x = 'a\\\r",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=snippet")
  print(i, f == nil, err)
end
