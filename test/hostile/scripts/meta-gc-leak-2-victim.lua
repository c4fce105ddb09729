-- attacks: nothing: an innocent script that allocates enough to start a collection, run right after meta-gc-leak-1-plant left a looping finalizer behind; expect: ok
local n = 0
for i = 1, 20000 do local t = { i, i, i } n = n + #t end
assert(n == 60000)
