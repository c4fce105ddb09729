-- string-ops: the string library's workhorses: sub, byte, char, format, rep,
-- upper/lower, find (plain), len, reverse.
-- size: full=150000 quick=25000
local n = tonumber(arg and arg[1]) or 150000

local h = 0
local function mix(v) h = (h * 33 + v) % 1000003 end

local alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
for i = 1, n do
  -- format with several conversions
  local s = string.format("%05d:%s:%x:%-6s|", i, string.rep("ab", i % 7), i * 3, "k" .. (i % 13))
  mix(#s)
  -- byte / sub / char round trips
  local a = s:byte(1)
  local b = s:byte(-1)
  mix(a + b)
  local mid = s:sub(3, -3)
  mix(#mid)
  local c = string.char(65 + i % 26, 97 + (i * 7) % 26, 48 + i % 10)
  mix(c:byte(2))
  -- upper/lower, plain find, reverse
  local up = mid:upper()
  mix(up:byte(#up))
  local pos = s:find(":", 1, true) or 0
  mix(pos)
  local rev = c:reverse():lower()
  mix(rev:byte(1))
  -- character walk with sub
  local off = i % 30 + 1
  local piece = alphabet:sub(off, off + 5)
  for k = 1, #piece do mix(piece:byte(k)) end
  -- rep with a separator
  mix(#string.rep("xy", i % 5, "-"))
end
print(string.format("string-ops %d: hash=%d", n, h))
