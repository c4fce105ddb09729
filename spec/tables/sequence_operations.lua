-- Common sequence operations written with the table library: reverse, slice, filter, dedupe, rotate.
local function reverse(t) local r = {} for i = #t, 1, -1 do r[#r + 1] = t[i] end return r end
local function slice(t, i, j) return { table.unpack(t, i, j) } end
local function dedupe(t)
  local seen, r = {}, {}
  for _, v in ipairs(t) do if not seen[v] then seen[v] = true; table.insert(r, v) end end
  return r
end
local function rotate(t, k)
  for _ = 1, k do table.insert(t, 1, table.remove(t)) end
  return t
end
local function flatten(t, out)
  out = out or {}
  for _, v in ipairs(t) do if type(v) == "table" then flatten(v, out) else out[#out + 1] = v end end
  return out
end
local s = { 1, 2, 3, 4, 5, 6 }
print(table.concat(reverse(s), " "), table.concat(slice(s, 2, 4), " "), #slice(s, 5, 2))
print(table.concat(dedupe({ 3, 1, 3, 2, 1, 4 }), " "), table.concat(rotate({ 1, 2, 3, 4 }, 1), " "))
print(table.concat(flatten({ 1, { 2, { 3, { 4 } } }, 5 }), " "))
local stack = {}
for i = 1, 5 do table.insert(stack, i) end
local popped = {}
while #stack > 0 do popped[#popped + 1] = table.remove(stack) end
print(table.concat(popped, " "))
local zipped = {}
local a, b = { "a", "b", "c" }, { 1, 2, 3 }
for i = 1, #a do zipped[i] = a[i] .. b[i] end
print(table.concat(zipped, ","))
