-- tostring/print of integers and floats across magnitudes.
for e = 0, 20, 4 do
  local i = 10 ^ e
  print(e, i, math.tointeger(i), -i, i + 0.5)
end
print(1 / 8, 1 / 1024, 1 / 3 * 3, 100 / 3)
print(123456789012, 1234567890123456789, 12345678901234567890)
print(0.1 + 0.7, 1 - 0.9, 3.0 * 1.1)
print(2^-1022, 2^-1074, 2^1023 * 1.5)
print(-1e-300, 1e21, 1e22, 123e-7)
