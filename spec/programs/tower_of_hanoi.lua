-- Towers of Hanoi: recursive solution with move validation on explicit pegs.
local pegs = { {}, {}, {} }
local n = 6
for d = n, 1, -1 do pegs[1][#pegs[1] + 1] = d end
local moves = 0
local function move(from, to)
  local disk = table.remove(pegs[from])
  local top = pegs[to][#pegs[to]]
  if top and top < disk then error(string.format("illegal move of %d onto %d", disk, top)) end
  pegs[to][#pegs[to] + 1] = disk
  moves = moves + 1
end
local function solve(k, from, to, via)
  if k == 0 then return end
  solve(k - 1, from, via, to)
  move(from, to)
  solve(k - 1, via, to, from)
end
solve(n, 1, 3, 2)
print(moves, #pegs[1], #pegs[2], table.concat(pegs[3], " "))
print(pcall(move, 3, 1))
print(pcall(move, 3, 1))
print(table.concat(pegs[1], " "), table.concat(pegs[3], " "))
