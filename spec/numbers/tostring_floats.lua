-- Floats print with %.14g, and integral floats keep a ".0".
local vals = { 0.1, 1 / 3, 2 / 3, 100.0, 1e15, 1e16, 1e100, 123456789012345.0, 1234567890123456.0,
  2^53, 2^63, 0.1 + 0.2, 1e-5, 1e-4, 123.456, -1.5, 3.14159265358979, 1e14, 99999999999999.9,
  5e-324, 1.7976931348623157e308, 2.5, -0.001, 1/7 }
for _, v in ipairs(vals) do
  print(v, tostring(v), v .. "", string.format("%.14g", v))
end
print(7.0, -7.0, 1e0, 10 / 2)
print(2^24, 2^31, 2^32, 2^52)
