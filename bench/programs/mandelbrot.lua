-- mandelbrot: the Benchmarks Game Mandelbrot set, packed into bytes as the
-- PBM output would be; prints a checksum of the bytes instead of the image.
-- size: full=800 quick=300
local n = tonumber(arg and arg[1]) or 800

local ITER = 50
local checksum, inside = 0, 0
for y = 0, n - 1 do
  local ci = 2.0 * y / n - 1.0
  local bits, bitnum = 0, 0
  for x = 0, n - 1 do
    local cr = 2.0 * x / n - 1.5
    local zr, zi, zr2, zi2 = 0.0, 0.0, 0.0, 0.0
    local escaped = false
    for _ = 1, ITER do
      zi = 2.0 * zr * zi + ci
      zr = zr2 - zi2 + cr
      zr2 = zr * zr
      zi2 = zi * zi
      if zr2 + zi2 > 4.0 then escaped = true; break end
    end
    bits = bits * 2
    if not escaped then bits = bits + 1; inside = inside + 1 end
    bitnum = bitnum + 1
    if bitnum == 8 or x == n - 1 then
      if bitnum < 8 then bits = bits * (1 << (8 - bitnum)) end
      checksum = (checksum * 31 + bits) % 1000003
      bits, bitnum = 0, 0
    end
  end
end
print(string.format("mandelbrot %d: inside=%d checksum=%d", n, inside, checksum))
