-- %q produces a string that reads back as the same Lua value.
print(string.format("%q", "simple"))
print(string.format("%q", 'quote " and \\ backslash'))
print(string.format("%q", "new\nline"))
print(string.format("%q", "tab\tcr\rnul\0end"))
print(string.format("%q", "\1\2\0031\127\128\255"))
print(string.format("%q", ""))
print(string.format("%q", 42), string.format("%q", -7), string.format("%q", math.mininteger))
print(string.format("%q", 1.5), string.format("%q", 0.1), string.format("%q", 1.0))
print(string.format("%q", math.huge), string.format("%q", -math.huge))
print(string.format("%q", true), string.format("%q", false), string.format("%q", nil))
print(pcall(string.format, "%q", {}))
print(pcall(string.format, "%10q", "x"))
for _, v in ipairs({ "a\nb", "\0\1", "x\"y", "\255", "1\0002" }) do
  local back = load("return " .. string.format("%q", v))()
  io.write(tostring(back == v), " ")
end
print()
for _, v in ipairs({ 1, -1, 0.5, 1e100, 2^63, math.mininteger, -0.0 }) do
  local back = load("return " .. string.format("%q", v))()
  io.write(tostring(back == v and math.type(back) == math.type(v)), " ")
end
print()
