-- Varargs with table.insert / table.concat / select in utility functions.
local function join(sep, ...)
  local parts = {}
  for i = 1, select("#", ...) do parts[#parts + 1] = tostring((select(i, ...))) end
  return table.concat(parts, sep)
end
print(join(", ", 1, nil, "x", false, 2.5))
print(join("-"))
local function append(t, ...)
  for i = 1, select("#", ...) do table.insert(t, (select(i, ...))) end
  return t
end
print(#append({}, 1, 2, 3), table.concat(append({ "a" }, "b", "c"), ""))
local function varmax(...)
  local n = select("#", ...)
  if n == 0 then return nil, "no values" end
  local m = ...
  for i = 2, n do local v = select(i, ...) if v > m then m = v end end
  return m
end
print(varmax(3, 9, 4), varmax(-1), varmax())
local function count_types(...)
  local counts = {}
  for i = 1, select("#", ...) do
    local t = type((select(i, ...)))
    counts[t] = (counts[t] or 0) + 1
  end
  local keys = {}
  for k in pairs(counts) do keys[#keys + 1] = k .. "=" .. counts[k] end
  table.sort(keys)
  return table.concat(keys, " ")
end
print(count_types(1, "a", nil, {}, nil, true, 2))
