-- Infinities and NaN.
local inf, nan = math.huge, 0 / 0
print(inf, -inf, math.type(inf), inf == 1 / 0)
print(inf > math.maxinteger, -inf < math.mininteger, inf == inf, -inf == -inf)
print(inf + 1, inf - inf ~= inf - inf, inf * 0 ~= inf * 0, inf / inf ~= inf / inf)
print(nan ~= nan, nan == nan, nan < 1, nan > 1, nan <= nan, nan >= nan)
print(1 < nan, 1 > nan, not (nan < 0), math.type(nan))
print(-nan ~= -nan)
print(0 / 0)
print(string.format("%f %f", inf, -inf), string.format("%g", inf), string.format("%.3f", -inf))
print(math.floor(1.5), pcall(math.floor, inf))
print(math.tointeger(inf), math.tointeger(nan), math.tointeger(-inf))
print(pcall(function() return inf // 1 end))
local r = inf % 2
print(r ~= r, math.type(r))
local t = {}
print(pcall(function() t[nan] = 1 end))
print(t[nan], rawget(t, nan))
print(math.max(1, inf), math.min(-inf, 1), math.abs(-inf))
print(math.huge // 1, -math.huge // 1, 5 // math.huge, -5 // math.huge)
print(-(0/0))
