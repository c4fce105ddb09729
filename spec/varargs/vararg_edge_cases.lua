-- Edge cases: nil in the middle and end, ... in parentheses, ... as a table index, 250 arguments.
local function f(...) return select("#", ...), (...), ... end
print(f(nil))
print(f(nil, nil))
print(f())
local function index(...) local t = { "a", "b", "c" } return t[...] end
print(index(2, 3), index(3))
local function arith(...) return (...) * 2 end
print(arith(21, 1000))
local function cmp(...) return ... == nil, ... ~= nil end
print(cmp(), cmp(1))
local function tail(...) return select(2, ...) end
print(tail(1, 2, 3), select("#", tail(1)))
local args = {}
for i = 1, 250 do args[i] = i end
local function last_of(...) local n = select("#", ...) return n, (select(n, ...)) end
print(last_of(table.unpack(args)))
local function pass(...) return ... end
print(select("#", pass(pass(pass(nil, nil, nil)))))
