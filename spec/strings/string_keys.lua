-- Equal strings are the same table key however they were built.
local t = {}
t["key"] = 1
local k = "k" .. "e" .. "y"
print(t[k], t[("KEY"):lower()], t[string.sub("xkeyx", 2, 4)], t[string.char(107, 101, 121)])
local counts = {}
local text = "a b a c b a"
for i = 1, #text, 2 do
  local w = text:sub(i, i)
  counts[w] = (counts[w] or 0) + 1
end
local keys = {}
for w in pairs(counts) do keys[#keys + 1] = w end
table.sort(keys)
for _, w in ipairs(keys) do print(w, counts[w]) end
local long1 = string.rep("abc", 100)

t[long1] = "long"
print(t[string.rep("abc", 100)], long1 == string.rep("abc", 100))
print(rawequal("abc", "a" .. "bc"), rawequal(long1, string.rep("abc", 100)))
