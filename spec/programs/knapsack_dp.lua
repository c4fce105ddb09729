-- Dynamic programming: 0/1 knapsack, longest common subsequence and edit distance.
local function knapsack(items, cap)
  local best = {}
  for w = 0, cap do best[w] = 0 end
  for _, it in ipairs(items) do
    for w = cap, it.w, -1 do best[w] = math.max(best[w], best[w - it.w] + it.v) end
  end
  return best[cap]
end
print(knapsack({ { w = 1, v = 1 }, { w = 3, v = 4 }, { w = 4, v = 5 }, { w = 5, v = 7 } }, 7))
local function lcs(a, b)
  local dp = {}
  for i = 0, #a do dp[i] = {} for j = 0, #b do dp[i][j] = 0 end end
  for i = 1, #a do for j = 1, #b do
    if a:sub(i, i) == b:sub(j, j) then dp[i][j] = dp[i - 1][j - 1] + 1
    else dp[i][j] = math.max(dp[i - 1][j], dp[i][j - 1]) end
  end end
  local out, i, j = {}, #a, #b
  while i > 0 and j > 0 do
    if a:sub(i, i) == b:sub(j, j) then table.insert(out, 1, a:sub(i, i)); i = i - 1; j = j - 1
    elseif dp[i - 1][j] >= dp[i][j - 1] then i = i - 1 else j = j - 1 end
  end
  return dp[#a][#b], table.concat(out)
end
print(lcs("ABCBDAB", "BDCABA"))
print(lcs("interpreter", "interpolate"))
local function edit(a, b)
  local prev = {}
  for j = 0, #b do prev[j] = j end
  for i = 1, #a do
    local cur = { [0] = i }
    for j = 1, #b do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    end
    prev = cur
  end
  return prev[#b]
end
print(edit("kitten", "sitting"), edit("", "abc"), edit("lua", "lua"), edit("flaw", "lawn"))
