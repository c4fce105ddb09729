-- Word frequencies and line wrapping using only find/sub/byte (no patterns).
local text = [[It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness.]]
local function is_letter(b) return (b >= 65 and b <= 90) or (b >= 97 and b <= 122) end
local words, i = {}, 1
while i <= #text do
  while i <= #text and not is_letter(text:byte(i)) do i = i + 1 end
  local j = i
  while j <= #text and is_letter(text:byte(j)) do j = j + 1 end
  if j > i then words[#words + 1] = text:sub(i, j - 1):lower() end
  i = j
end
print(#words)
local freq = {}
for _, w in ipairs(words) do freq[w] = (freq[w] or 0) + 1 end
local list = {}
for w, n in pairs(freq) do list[#list + 1] = { w = w, n = n } end
table.sort(list, function(a, b) if a.n ~= b.n then return a.n > b.n end return a.w < b.w end)
for k = 1, 6 do print(string.format("%-8s %2d", list[k].w, list[k].n)) end
local function wrap(s, width)
  local lines, line = {}, ""
  for _, w in ipairs(s) do
    if #line == 0 then line = w
    elseif #line + 1 + #w <= width then line = line .. " " .. w
    else lines[#lines + 1] = line; line = w end
  end
  if #line > 0 then lines[#lines + 1] = line end
  return lines
end
for _, l in ipairs(wrap(words, 30)) do print("|" .. l .. string.rep(" ", 30 - #l) .. "|") end
