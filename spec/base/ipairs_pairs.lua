-- ipairs and pairs return iterator triples usable in a generic for.
local t = { "a", "b", "c", x = "y" }
local n = 0
for i, v in ipairs(t) do n = n + 1 end
print(n)
n = 0
for k, v in pairs(t) do n = n + 1 end
print(n)
local iter, state, init = ipairs(t)
print(iter(state, init))
print(iter(state, 2))
print(iter(state, 3))
local piter, pstate, pinit = pairs({ 5 })
print(piter == next, pinit, piter(pstate, pinit))
local s = 0
for _, v in ipairs({ 1, 2, nil, 4 }) do s = s + v end
print(s)
for i, v in ipairs("str") do print(i, v) end
print(pcall(function() for i, v in ipairs(5) do end end))
