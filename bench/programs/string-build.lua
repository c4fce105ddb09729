-- string-build: building strings piece by piece with table.concat, the ..
-- operator (short accumulations and multi-operand concatenation) and tostring.
-- size: full=400000 quick=60000
local n = tonumber(arg and arg[1]) or 400000

-- 1. a buffer of numbers joined with table.concat
local parts = {}
for i = 1, n do parts[#parts + 1] = tostring(i) end
local joined = table.concat(parts, ",")

-- 2. lines built with multi-operand .. and joined with table.concat
local lines = {}
for i = 1, n // 4 do
  lines[i] = "item " .. i .. ": " .. (i * 7 % 1000) .. " units" .. (i % 2 == 0 and " (even)" or "")
end
local text = table.concat(lines, "\n")

-- 3. short accumulations with s = s .. x (restarted so they stay short)
local total = 0
local s = ""
for i = 1, n do
  s = s .. string.char(97 + i % 26)
  if #s >= 64 then total = total + #s; s = "" end
end
total = total + #s

-- 4. nested table.concat of words
local words = { "alpha", "beta", "gamma", "delta", "epsilon" }
local acc = 0
for i = 1, n // 20 do
  local w = {}
  for j = 1, 8 do w[j] = words[(i + j) % 5 + 1] end
  acc = acc + #table.concat(w, " ", 2, 7)
end

local function sum(str)
  local h = 0
  for i = 1, #str, 7 do h = (h * 31 + str:byte(i)) % 1000003 end
  return h
end
print(string.format("string-build %d: joined=%d/%d text=%d/%d short=%d words=%d",
  n, #joined, sum(joined), #text, sum(text), total, acc))
