-- IEEE-754 double arithmetic, shown with full precision.
local s = 0
for i = 1, 10 do s = s + 0.1 end
print(s, s == 1, string.format("%.17g", s))
print(0.1 + 0.2 == 0.3, string.format("%.17g", 0.1 + 0.2))
print(string.format("%.17g", 1 / 3), string.format("%.20f", 0.1))
print(1e16 + 1 == 1e16, 2^53 + 1.0 == 2^53)
print(string.format("%.3f", 2.0005), string.format("%.2f", 2.675), string.format("%.0f", 0.5), string.format("%.0f", 1.5))
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(string.format("%.17g", 123456789.123456789))
print(math.floor(2.5 + 0.5), math.floor(-2.5 + 0.5))
print(3 * 1.1, 100 * 1.1, 0.1 * 3)
print(string.format("%g %g %g %g", 1e-5, 123456789, 0.0001, 1e20))
print(string.format("%e", 12345.6789), string.format("%.2e", 0.000123))
