-- attacks: recursion through pcall (the overflow is caught at the deepest level); expect: ok
local depth = 0
local function f() depth = depth + 1 pcall(f) end
f()
assert(depth > 100, depth)
