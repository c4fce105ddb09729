-- A call or ... as the last item of a constructor contributes all its values.
local function three() return 1, 2, 3 end
local function none() end
local t = { three() }
print(#t, t[1], t[3])
t = { three(), three() }
print(#t, t[1], t[2], t[4])
t = { (three()) }
print(#t)
t = { three(), 10 }
print(#t, t[1], t[2])
t = { none() }
print(#t, next(t))
t = { none(), 5 }
print(t[1], t[2])
t = { x = three(), three() }
print(t.x, #t)
local function pack(...) return { ... } end
t = pack(1, nil, 3)
print(t[1], t[2], t[3])
t = pack()
print(#t)
t = { [1] = "a", three() }
print(t[1], t[2], t[3])
t = { string.byte("abc", 1, -1) }
print(#t, t[1], t[3])
t = { string.rep("x", 2), string.byte("ab", 1, 2) }
print(t[1], t[2], t[3])
