-- __call makes a table callable; the table is passed as the first argument.
local callable = setmetatable({ name = "obj" }, { __call = function(self, a, b) return self.name, a, b end })
print(callable(1, 2))
print(callable())
local memo = setmetatable({}, { __call = function(self, n) self[n] = (self[n] or 0) + 1; return self[n] end })
memo(1); memo(1); memo(2)
print(memo[1], memo[2])
local adder = setmetatable({}, { __call = function(_, ...) local s = 0 for _, v in ipairs({ ... }) do s = s + v end return s end })
print(adder(1, 2, 3, 4), pcall(adder, 5), select("#", adder()))
local t = { f = callable }
print(t.f("x"))
local obj = { method = callable }
local n1, self_arg, n3 = obj:method("m")
print(n1, self_arg == obj, n3)
print(pcall(setmetatable({}, {})))
local nested = setmetatable({}, { __call = callable })
local ok, r1, r2, r3 = pcall(nested, "n")
print(ok, r1, r2 == nested, r3)
for _, v in ipairs({ callable }) do print(v("loop")) end
local function returns_callable() return callable end
print(returns_callable()("chained"))
