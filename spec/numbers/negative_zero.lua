-- -0.0 is a float distinct in sign but equal to 0.
local nz = -0.0
print(nz, 0.0, -0, 0 * -1, 0.0 * -1)
print(nz == 0, nz == 0.0, math.type(nz), math.type(-0))
print(1 / nz, 1 / 0.0, 1 / -0)
print(tostring(nz), nz .. "", string.format("%g", nz), string.format("%.1f", nz))
local t = {}
t[nz] = "negzero"
print(t[0], t[0.0], math.type(next(t)))
print(-nz, nz + 0, nz - 0, 0 - 0.0, -0.0 + -0.0)
print(math.abs(nz), math.floor(nz), math.ceil(-0.5), math.type(math.ceil(-0.5)))
print(nz < 0, nz > 0, nz <= 0, math.min(0.0, -0.0), math.max(-0.0, 0.0))
print(math.tointeger(nz), math.type(math.tointeger(nz)))
print(string.format("%d", -0.0))
