-- table.pack / table.unpack preserve nils when n is used.
local function roundtrip(...)
  local p = table.pack(...)
  return table.unpack(p, 1, p.n)
end
print(roundtrip(1, nil, 3, nil))
print(select("#", roundtrip(nil, nil, nil)))
print(select("#", roundtrip()))
local function store_and_replay(...)
  local saved = table.pack(...)
  return function() return table.unpack(saved, 1, saved.n) end
end
local replay = store_and_replay("a", nil, "c")
print(replay())
print(select("#", replay()))
local big = {}
for i = 1, 100 do big[i] = i % 7 == 0 and nil or i end
local p = table.pack(table.unpack(big, 1, 100))
print(p.n, p[7], p[100], p[99])
