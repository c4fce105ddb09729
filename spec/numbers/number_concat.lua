-- Numbers concatenate as their tostring form.
print(1 .. "", 1.0 .. "", -0.0 .. "", 1e100 .. "", 2^63 .. "", math.mininteger .. "")
print(1 .. 2, 1.5 .. 2, 10 // 3 .. "/" .. 10 / 4)
print("x" .. 0.1, "x" .. 1/3, "x" .. 100.0)
print(math.huge .. "", -math.huge .. "")
print(#(123 .. ""), #(1.25 .. ""))
local n = 42
print("value: " .. n .. " (" .. math.type(n) .. ")")
print(pcall(function() return 1 .. nil end))
print(pcall(function() return true .. "" end))
print(2^53 .. "", 2^53 // 1 .. "", (2^53 | 0) .. "")
