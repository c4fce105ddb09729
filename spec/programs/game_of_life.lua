-- Conway's game of life on a small torus, printed for a few generations.
local W, H = 10, 8
local function new_grid() local g = {} for y = 1, H do g[y] = {} for x = 1, W do g[y][x] = false end end return g end
local grid = new_grid()
for _, p in ipairs({ { 2, 1 }, { 3, 2 }, { 1, 3 }, { 2, 3 }, { 3, 3 }, { 8, 6 }, { 8, 7 }, { 8, 8 } }) do grid[p[2]][p[1]] = true end
local function step(g)
  local n = new_grid()
  for y = 1, H do
    for x = 1, W do
      local c = 0
      for dy = -1, 1 do for dx = -1, 1 do
        if not (dx == 0 and dy == 0) and g[(y + dy - 1) % H + 1][(x + dx - 1) % W + 1] then c = c + 1 end
      end end
      n[y][x] = (c == 3) or (c == 2 and g[y][x])
    end
  end
  return n
end
local function show(g, gen)
  print("generation " .. gen)
  for y = 1, H do
    local row = {}
    for x = 1, W do row[x] = g[y][x] and "#" or "." end
    print(table.concat(row))
  end
end
for gen = 0, 4 do
  if gen % 2 == 0 then show(grid, gen) end
  grid = step(grid)
end
local alive = 0
for _ = 1, 36 do grid = step(grid) end
for y = 1, H do for x = 1, W do if grid[y][x] then alive = alive + 1 end end end
print("alive after 41 generations:", alive)
