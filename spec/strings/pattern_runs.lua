-- Patterns that are one character class with '+' ("%a+", "[^,]+", "x+", ".+"): every
-- function that matches, at the start, the middle and the end of the subject, with init
-- offsets, anchors, empty subjects, bytes above 127 and zero bytes, and limits on gsub.
local subj = "  alpha,beta;;gamma 42 \0\200\255 z"
local pats = { "%a+", "[^,;]+", "%d+", ";+", "a+", ".+", "%z+", "[\128-\255]+", "%s+", "%w+" }
for _, p in ipairs(pats) do
  local words = {}
  for w in subj:gmatch(p) do words[#words + 1] = ("%q"):format(w) end
  print(p, #words, table.concat(words, " "))
  print("", subj:find(p), subj:find(p, 9), subj:find(p, -3), subj:find(p, #subj + 1))
  print("", subj:match(p), subj:match(p, 20), ("^" .. p) and subj:match("^" .. p))
  print("", subj:gsub(p, "<%0>"))
  print("", subj:gsub(p, "#", 2))
  print("", subj:gsub(p, string.upper))
  print("", subj:gsub(p, { alpha = "A", [";;"] = "S" }))
end
print(("")  :find("%a+"), (""):match(".+"), (""):gsub("x+", "y"))
print(("xxx"):find("x+", 4), ("xxx"):find("x+", 3), ("abc"):gsub(".+", "%0%0"))
print(("aaa"):gsub("^a+", "b"), ("baaa"):gsub("^a+", "b"), ("aaa"):gsub("a+$", "b"))
local n = 0
for a in ("one two  three"):gmatch("%a+") do n = n + #a end
print(n, pcall(string.gsub, "abc", "%a+", "%2"))
