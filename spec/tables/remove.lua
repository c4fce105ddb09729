-- table.remove from the end, from a position, from empty tables; its errors.
local t = { "a", "b", "c", "d", "e" }
print(table.remove(t), #t)
print(table.remove(t, 1), #t, table.concat(t, ","))
print(table.remove(t, 2), table.concat(t, ","))
print(table.remove(t, #t + 1), #t)
local e = {}
print(table.remove(e), #e, select("#", table.remove(e)))
print(table.remove(e, 0), table.remove(e, 1))
-- out-of-range positions (the argument number in the message differs between 5.4 releases)
local function oob(...) local ok, err = pcall(table.remove, ...) return ok, err:find("position out of bounds", 1, true) ~= nil end
print(oob(e, 2))
print(oob(t, 5))
print(oob(t, -1))
print(pcall(table.remove, nil))
print(pcall(table.remove, t, "x"))
local z = { [0] = "zero" }
print(table.remove(z, 0), z[0])
local q = { 1, 2, 3, 4, 5, 6 }
local out = {}
while #q > 0 do out[#out + 1] = table.remove(q, 1) end
print(table.concat(out, " "), #q)
local s = { 1, 2, 3 }
print(table.remove(s, #s), table.remove(s, #s), table.remove(s, #s), table.remove(s, #s))
