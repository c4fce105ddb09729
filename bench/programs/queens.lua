-- queens: counts all solutions of the N-queens problem by recursive
-- backtracking over boolean arrays (columns and both diagonals).
-- size: full=11 quick=10
local n = tonumber(arg and arg[1]) or 11

local cols, diag1, diag2 = {}, {}, {}
for i = 1, 2 * n do cols[i] = false; diag1[i] = false; diag2[i] = false end

local solutions, nodes = 0, 0
local function place(row)
  if row > n then
    solutions = solutions + 1
    return
  end
  for c = 1, n do
    local d1, d2 = row + c, row - c + n
    if not cols[c] and not diag1[d1] and not diag2[d2] then
      nodes = nodes + 1
      cols[c], diag1[d1], diag2[d2] = true, true, true
      place(row + 1)
      cols[c], diag1[d1], diag2[d2] = false, false, false
    end
  end
end

-- repeat so the run is long enough to measure
local reps = 8
for _ = 1, reps do
  solutions, nodes = 0, 0
  place(1)
end
print(string.format("queens %d: %d solutions, %d nodes", n, solutions, nodes))
