-- print writes its arguments separated by tabs, converted with tostring, plus a newline.
print()
print(nil)
print(1, 2, 3)
print("a", nil, "b")
print(true, false)
print(1.5, -0.0, 10 // 3, 10 / 2)
print("tab\tinside", "newline\ninside")
print(nil, nil, nil)
print("", "", "")
print(setmetatable({}, { __tostring = function() return "custom" end }))
print(string.rep("x", 50))
print(select("#", print("print returns nothing")))
local saved_tostring = tostring
tostring = function() return "global tostring is not used by print" end
print(42)
tostring = saved_tostring
print(pcall(print, setmetatable({}, { __tostring = function() return 1 end })))
print(pcall(print, setmetatable({}, { __tostring = function() return {} end })))
print(1e15, 1e16, 2^63, math.mininteger)
