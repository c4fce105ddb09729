-- Generic for over next and ipairs' iterator: extra loop variables, a table changed during
-- the traversal, starting keys given by hand, ipairs through __index and past the end,
-- integral float keys, and the errors of a bad table or key, in loops run often enough
-- that compiled code runs them too.
local function sorted(t)
  local ks = {}
  for k, v, extra in pairs(t) do ks[#ks + 1] = tostring(k) .. "=" .. tostring(v) .. tostring(extra) end
  table.sort(ks)
  return table.concat(ks, " ")
end

local out = {}
for round = 1, 200 do
  local t = { 10, 20, 30, x = 1, y = 2, [2.0^60] = "big", [-1] = "neg" }
  local n, sum = 0, 0
  for k, v in pairs(t) do
    n = n + 1
    if type(v) == "number" then sum = sum + v end
    if k == "x" then t.y = nil end          -- clearing a field not yet visited
    if k == 1 then t[1] = 11 end            -- overwriting the current one
  end
  local seq = 0
  for i, v, z in ipairs({ 1, 2, 3, nil, 5 }) do seq = seq + i * v + (z or 0) end
  local proxied = setmetatable({}, { __index = function(_, i) if i <= 4 then return i * i end end })
  local sq = 0
  for _, v in ipairs(proxied) do sq = sq + v end
  local fromKey = 0
  for k in next, { a = 1, b = 2, c = 3 }, nil do fromKey = fromKey + 1 end
  local fk = 0
  for k, v in next, { [1.0] = "one", [2] = "two" } do fk = fk + k end
  if round % 50 == 0 then
    out[#out + 1] = table.concat({ n, sum, seq, sq, fromKey, fk, sorted(t) }, " ")
  end
end

local function try(f) local ok, e = pcall(f) return tostring(ok) .. " " .. tostring(e) end
for _ = 1, 3 do
  out[#out + 1] = try(function() for k in next, nil do end end)
  out[#out + 1] = try(function() for k in next, { a = 1 }, "zz" do end end)
  out[#out + 1] = try(function() for i in ipairs(nil) do end end)
  out[#out + 1] = try(function() local f, s = ipairs({}) for i in f, 5 do end end)
end
print(table.concat(out, "\n"))
