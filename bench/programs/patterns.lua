-- patterns: Lua patterns over generated text: gmatch word counting into a
-- string-keyed table, gsub with string/table/function replacements, find with
-- captures, and string.match.
-- size: full=20000 quick=3000
local n = tonumber(arg and arg[1]) or 20000

local words = { "lorem", "ipsum", "dolor", "sit", "amet", "consectetur",
  "adipiscing", "elit", "sed", "do", "eiusmod", "tempor", "incididunt", "ut",
  "labore", "et", "dolore", "magna", "aliqua" }
local lines = {}
for i = 1, n do
  local l = {}
  for j = 1, 8 do l[j] = words[(i * j + j) % #words + 1] end
  lines[i] = string.format("%d: %s, key%d=%d;", i, table.concat(l, " "), i % 10, i * 7 % 1000)
end
local text = table.concat(lines, "\n")

-- word frequencies
local freq, distinct = {}, 0
for w in text:gmatch("%a+") do
  local c = freq[w]
  if c then freq[w] = c + 1 else freq[w] = 1; distinct = distinct + 1 end
end

-- key=value pairs
local kvsum = 0
for k, v in text:gmatch("(key%d)=(%d+)") do kvsum = kvsum + tonumber(v) + #k end

-- gsub: string, table and function replacements
local up = text:gsub("%f[%a]%a", string.upper)
local repl = { lorem = "L", ipsum = "I" }
local _, subs = text:gsub("%a+", repl)
local swapped = text:gsub("(%d+): (%a+)", "%2 %1")

-- find and match with captures, line by line
local found = 0
for i = 1, #lines do
  local s, e, num = lines[i]:find("^(%d+):")
  if s then found = found + e + tonumber(num) % 7 end
  local a, b = lines[i]:match("(%a+)%s+(%a+),")
  if a and #a > #b then found = found + 1 end
end

local function sum(str)
  local h = 0
  for i = 1, #str, 11 do h = (h * 31 + str:byte(i)) % 1000003 end
  return h
end
print(string.format("patterns %d: distinct=%d lorem=%d kv=%d up=%d subs=%d swapped=%d found=%d",
  n, distinct, freq.lorem or 0, kvsum, sum(up), subs, sum(swapped), found))
