-- Call forms: f"str", f'str', f[[str]], f{table}; chained.
local function id(x) return x end
local function len(x) return #x end
print(id"abc", id'def', id[[ghi]], id[==[jkl]==])
print(len{1, 2, 3}, len"four")
local function curry(a) return function(b) return function(c) return a .. b .. c end end end
print(curry"x""y""z")
print(type(curry[[1]]{}))
local obj = { name = "obj" }
function obj:greet(g) return g .. ", " .. self.name end
print(obj:greet"hello", obj:greet[[hi]])
local t = { f = function(tbl) return tbl.n end }
print(t.f{n = 5})
print(("%d-%d"):format(1, 2), ("x"):rep(3))
print(#{n = 1}, type{})
