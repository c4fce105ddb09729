-- N-queens: count all solutions and print the first for a few board sizes.
local function solve(n)
  local cols, d1, d2, pos = {}, {}, {}, {}
  local count, first = 0, nil
  local function place(r)
    if r > n then
      count = count + 1
      if not first then first = table.concat(pos, " ") end
      return
    end
    for c = 1, n do
      if not cols[c] and not d1[r + c] and not d2[r - c + n] then
        cols[c], d1[r + c], d2[r - c + n] = true, true, true
        pos[r] = c
        place(r + 1)
        cols[c], d1[r + c], d2[r - c + n] = false, false, false
      end
    end
  end
  place(1)
  return count, first
end
for n = 1, 8 do print(n, solve(n)) end
local _, board = solve(6)
local cols = {}
local start = 1
while true do
  local sp = board:find(" ", start, true)
  cols[#cols + 1] = tonumber(board:sub(start, sp and sp - 1))
  if not sp then break end
  start = sp + 1
end
for _, c in ipairs(cols) do print(string.rep(". ", c - 1) .. "Q " .. string.rep(". ", 6 - c)) end
