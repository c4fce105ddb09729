-- Classifying characters by byte value (no patterns): counting letters, digits, spaces.
local text = "Hello, World! 123 Lua 5.4 is here.\tTabs\nand lines."
local letters, digits, spaces, other = 0, 0, 0, 0
local upper = 0
for i = 1, #text do
  local b = text:byte(i)
  if (b >= 65 and b <= 90) or (b >= 97 and b <= 122) then
    letters = letters + 1
    if b <= 90 then upper = upper + 1 end
  elseif b >= 48 and b <= 57 then digits = digits + 1
  elseif b == 32 or b == 9 or b == 10 then spaces = spaces + 1
  else other = other + 1 end
end
print(letters, digits, spaces, other, upper, #text)
-- split on a separator with find
local function split(s, sep)
  local out, start = {}, 1
  while true do
    local i, j = s:find(sep, start, true)
    if not i then out[#out + 1] = s:sub(start); break end
    out[#out + 1] = s:sub(start, i - 1)
    start = j + 1
  end
  return out
end
for _, p in ipairs(split("a,b,,c,", ",")) do io.write("[", p, "]") end
print()
for _, p in ipairs(split("one::two::three", "::")) do io.write("[", p, "]") end
print()
-- trim without patterns
local function trim(s)
  local i, j = 1, #s
  while i <= j and s:byte(i) == 32 do i = i + 1 end
  while j >= i and s:byte(j) == 32 do j = j - 1 end
  return s:sub(i, j)
end
print("[" .. trim("   padded  ") .. "]", "[" .. trim("     ") .. "]", "[" .. trim("x") .. "]")
-- caesar cipher
local function caesar(s, k)
  return (s:gsub(".", function(c)
    local b = c:byte()
    if b >= 97 and b <= 122 then return string.char((b - 97 + k) % 26 + 97) end
    return c
  end))
end
print(caesar("hello, world", 3), caesar(caesar("hello, world", 3), -3))
