-- Tables are values compared by identity and passed by reference.
local a = { 1, 2, 3 }
local b = a
local c = { 1, 2, 3 }
print(a == b, a == c, a ~= c, rawequal(a, b), rawequal(a, c))
b[1] = "changed"
print(a[1])
local function mutate(t) t.mutated = true; t = { replaced = true }; return t end
local r = mutate(a)
print(a.mutated, a.replaced, r.replaced)
local set = {}
set[a] = "a"; set[c] = "c"
print(set[a], set[b], set[c], set[{ 1, 2, 3 }])
local function copy(t) local n = {} for k, v in pairs(t) do n[k] = v end return n end
local d = copy(c)
print(d == c, #d, d[3])
local nested = { inner = { value = 1 } }
local shallow = copy(nested)
shallow.inner.value = 2
print(nested.inner.value, shallow.inner == nested.inner)
