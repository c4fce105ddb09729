-- Table constructors: positional, named and bracketed fields; ',' and ';' separators.
local t1 = { 1, 2, 3 }
local t2 = { 1, 2, 3, }
local t3 = { 1; 2; 3; }
local t4 = { x = 1, y = 2; z = 3 }
local t5 = { [1] = "a", [2] = "b", [10] = "j", ["key with space"] = true, [1.5] = "float" }
local t6 = { "first", n = 2, "second", [3] = "third?", "third" }
local t7 = {}
local t8 = { {}, { {} }, { x = { y = { z = "deep" } } } }
print(#t1, #t2, #t3, t1[3], t3[1])
print(t4.x, t4.y, t4.z, t4.w)
print(t5[1], t5[2], t5[10], t5["key with space"], t5[1.5])
print(t6[1], t6[2], t6[3], t6.n, #t6)
print(next(t7), #t7)
print(#t8, #t8[2], t8[3].x.y.z)
local k = "dyn"
local t9 = { [k] = 1, [k .. "2"] = 2, [1 + 1] = "two", [true] = "yes" }
print(t9.dyn, t9.dyn2, t9[2], t9[true])
local t10 = { f = function(x) return x * 2 end, ["g"] = print ~= nil }
print(t10.f(21), t10.g)
local t11 = { 1, 2, nil, 4 }
print(t11[3], t11[4])
local t12 = { x = 1, x = 2 }
print(t12.x)
