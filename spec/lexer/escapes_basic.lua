-- The single-character escapes of §3.1, shown as byte values.
local function bytes(s)
  local out = {}
  for i = 1, #s do out[#out + 1] = string.byte(s, i) end
  return table.concat(out, " ")
end
print(bytes("\a\b\f\n\r\t\v"))
print(bytes("\\\"\'"))
print(bytes('\'\"'))
print("tab:[\t] quote:[\"] apostrophe:['] backslash:[\\]")
print(bytes("a\
b"))
print(#"\n\n", #"\\n")
print("line1\nline2")
print('single \'quoted\' "double"')
print("double \"quoted\" 'single'")
print(bytes("\r\n"))
