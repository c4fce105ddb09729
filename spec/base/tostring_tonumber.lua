-- tostring and tonumber on every kind of value.
print(tostring(1), tostring(1.0), tostring(-1.5), tostring("s"), tostring(nil), tostring(true))
print(tonumber("42"), tonumber("0x2A"), tonumber("4.2e1"), tonumber(" 42 "), tonumber("42a"))
print(tonumber(42), tonumber(4.2), tonumber(nil), tonumber(true), tonumber({}))
print(tonumber("101", 2), tonumber("z", 36), tonumber("Z", 36), tonumber("8", 8))
print(math.type(tonumber("1")), math.type(tonumber("1.0")), math.type(tonumber("1e0")))
print(tostring(tonumber("0x7fffffffffffffff")), tostring(tonumber("1e308")))
print(tonumber(tostring(0.1)) == 0.1, tonumber(tostring(1 / 3)) == 1 / 3)
print(string.format("%.17g", tonumber(tostring(1 / 3))))
