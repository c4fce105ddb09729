-- Escape sequences in source produce the bytes printed here in decimal.
local function dump(s)
  local out = {}
  for i = 1, #s do out[i] = s:byte(i) end
  return "{" .. table.concat(out, ",") .. "}"
end
print(dump("\a\b\f\n\r\t\v\\\"\'"))
print(dump("\x00\x7F\x80\xFF"), dump("\0\00\000\0000"))
print(dump("\u{0}\u{7F}\u{80}\u{FF}\u{100}"))
print(dump("a\z
            b"), dump("\65\066\0677"))
print(dump([[\n\t]]), dump("\\n"))
print("\"quoted\"", '\'single\'', "\\backslash\\")
