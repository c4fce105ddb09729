-- \u{XXX}: UTF-8 encoding of code points up to 2^31-1.
local function bytes(s)
  local out = {}
  for i = 1, #s do out[#out + 1] = string.format("%02X", string.byte(s, i)) end
  return table.concat(out, " ")
end
print(bytes("\u{41}"), bytes("\u{0}"), bytes("\u{7F}"))
print(bytes("\u{80}"), bytes("\u{7FF}"), bytes("\u{800}"))
print(bytes("\u{FFFF}"), bytes("\u{10000}"), bytes("\u{10FFFF}"))
print(bytes("\u{110000}"), bytes("\u{3FFFFFF}"), bytes("\u{4000000}"))
print(bytes("\u{7FFFFFFF}"))
print(bytes("\u{000000041}"), "\u{48}\u{69}")
print(#"\u{20AC}", "\u{20AC}")
print(load([[return "\u{80000000}"]]))
print(load([[return "\u{}"]]))
print(load([[return "\u41"]]))
print(load([[return "\u{41"]]))
