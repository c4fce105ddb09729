-- Cases for the table library (manual §6.6). Expected output: table-cases.json, recorded
-- from lua5.4 by record-table-cases.mjs. The lines up to the first case start every case.
local function P(...) print(pcall(...)) end
local function show(t, n)
  local parts = {}
  for i = 1, n or #t do parts[#parts + 1] = tostring(t[i]) .. (math.type(t[i]) == 'float' and 'f' or '') end
  print(#parts .. ':', table.concat(parts, ' '))
end
local function sorted(t, lt)
  for i = 2, #t do
    local a, b = t[i - 1], t[i]
    if lt then if lt(b, a) then return false end elseif b < a then return false end
  end
  return true
end
-- a proxy whose elements live in another table, seen only through metamethods
local function proxy(store, log)
  return setmetatable({}, {
    __index = function(_, k) if log then print('get', k) end return store[k] end,
    __newindex = function(_, k, v) if log then print('set', k, v) end store[k] = v end,
    __len = function() if log then print('len') end return #store end,
  })
end

-- case: insert append
local t = {1, 2, 3}
table.insert(t, 4)
table.insert(t, 'x')
show(t)

-- case: insert at positions
local t = {}
table.insert(t, 1, 'a')
table.insert(t, 1, 'b')
table.insert(t, 2, 'c')
table.insert(t, #t + 1, 'd')
show(t)

-- case: insert nil value
local t = {1, 2, 3}
table.insert(t, 2, nil)
print(t[1], t[2], t[3], t[4])
table.insert(t, nil)
print(#t >= 1)

-- case: insert wrong number of arguments
P(table.insert, {}, 1, 2, 3)
P(table.insert, {})
P(table.insert)
print(pcall(function() table.insert({}, 1, 2, 3) end))
print(pcall(function() table.insert({}) end))

-- case: insert position out of bounds
P(table.insert, {}, 0, 'x')
P(table.insert, {}, 2, 'x')
P(table.insert, {1, 2}, 4, 'x')
P(table.insert, {1, 2}, -1, 'x')
P(table.insert, {1, 2}, math.maxinteger, 'x')
P(table.insert, {1, 2}, math.mininteger, 'x')
P(table.insert, {1, 2}, 3, 'x')
print(pcall(function() table.insert({}, 5, 1) end))

-- case: insert bad arguments
P(table.insert, nil, 1)
P(table.insert, 'abc', 1)
P(table.insert, 42, 1)
P(table.insert, {}, 1.5, 'x')
P(table.insert, {}, 'x', 1)
P(table.insert, {}, '1', 'v')
P(table.insert, {}, 1.0, 'v')
P(table.insert, {}, {}, 1)
P(table.insert, setmetatable({}, {__name = 'MyType'}), 'a', 'b', 'c')

-- case: insert position as string and float
local t = {'a'}
table.insert(t, '1', 'b')
table.insert(t, 2.0, 'c')
show(t)

-- case: insert with metamethods
local store = {10, 20, 30}
local p = proxy(store, true)
table.insert(p, 2, 15)
show(store)
table.insert(p, 'end')
show(store)

-- case: insert __len not an integer
P(table.insert, setmetatable({}, {__len = function() return 2.5 end}), 1)
P(table.insert, setmetatable({}, {__len = function() return 'x' end}), 1)
P(table.insert, setmetatable({}, {__len = function() return nil end}), 1)
P(table.insert, setmetatable({}, {__len = function() return {} end}), 1)
local t = setmetatable({}, {__len = function() return '2' end})
table.insert(t, 'v')
print(rawget(t, 3))
local t = setmetatable({}, {__len = function() return 3.0 end})
table.insert(t, 'w')
print(rawget(t, 4))

-- case: insert __len negative and huge
local t = setmetatable({}, {__len = function() return -5 end})
print(pcall(table.insert, t, 3, 'x'), rawget(t, 3))
print(pcall(table.insert, t, 'y'), rawget(t, -4))
local t = setmetatable({}, {__len = function() return math.maxinteger end})
print(pcall(table.insert, t, 'z'), rawget(t, math.mininteger))
print(pcall(table.insert, t, 1, 'z'))

-- case: insert into non-table with metamethods
local store = {}
local ud = setmetatable({}, {__index = store})
P(table.insert, ud, 1)
P(table.insert, setmetatable({}, {__newindex = store}), 1)

-- case: insert shifts with __index only
local base = {1, 2, 3}
local t = setmetatable({}, {__index = base})
table.insert(t, 1, 0)
print(rawget(t, 1), rawget(t, 2), rawget(t, 3), rawget(t, 4), #t)

-- case: insert many
local t = {}
for i = 1, 100 do table.insert(t, 1, i) end
print(#t, t[1], t[50], t[100])
for i = 1, 50 do table.insert(t, 51, -i) end
print(#t, t[50], t[51], t[100], t[150])

-- case: insert in table with hash part
local t = {1, 2, 3, x = 1, y = 2}
t[5] = 5
table.insert(t, 2, 'a')
print(t[1], t[2], t[3], t[4], t[5], t.x)

-- case: remove basic
local t = {1, 2, 3, 4}
print(table.remove(t), #t)
print(table.remove(t, 1), #t)
show(t)
print(table.remove(t, 2))
show(t)

-- case: remove empty and zero
local t = {}
print(table.remove(t))
print(table.remove(t, 0))
print(table.remove(t, 1))
P(table.remove, t, 2)
P(table.remove, t, -1)
local t = {[0] = 'zero'}
print(table.remove(t), t[0])
local t = {[0] = 'zero'}
print(table.remove(t, 0), t[0])

-- case: remove position out of bounds
P(table.remove, {1, 2, 3}, 7)
P(table.remove, {1, 2, 3}, 0)
P(table.remove, {1, 2, 3}, -1)
P(table.remove, {1, 2, 3}, math.maxinteger)
P(table.remove, {1, 2, 3}, math.mininteger)
print(pcall(table.remove, {1, 2, 3}, 4))
print(pcall(function() return table.remove({}, 5) end))

-- case: remove size plus one
local t = {1, 2, 3}
t[4] = nil
print(table.remove(t, 4), #t)
local t = {1, 2, 3, nil, 5}
print(#t)

-- case: remove bad arguments
P(table.remove)
P(table.remove, nil)
P(table.remove, 'abc')
P(table.remove, {}, 'x')
P(table.remove, {1}, 1.5)
P(table.remove, {1, 2}, '1')
P(table.remove, {1, 2}, nil)

-- case: remove with metamethods
local store = {'a', 'b', 'c', 'd'}
local p = proxy(store, true)
print(table.remove(p, 2))
show(store)
print(table.remove(p))
show(store)

-- case: remove __len huge
local t = setmetatable({}, {__len = function() return math.maxinteger end})
print(pcall(table.remove, t))
print(pcall(table.remove, t, 0))
local t = setmetatable({}, {__len = function() return -3 end})
print(pcall(table.remove, t))
print(pcall(table.remove, t, 1))

-- case: remove during traversal
local t = {1, 2, 3, 4, 5, 6}
local n = 0
for k, v in pairs(t) do n = n + 1 end
for i = #t, 1, -1 do if t[i] % 2 == 0 then table.remove(t, i) end end
show(t)

-- case: remove all
local t = {}
for i = 1, 20 do t[i] = i * i end
local s = 0
while #t > 0 do s = s + table.remove(t) end
print(s, #t, next(t))

-- case: concat basic
print(table.concat({}))
print(table.concat({1, 2, 3}))
print(table.concat({1, 2, 3}, ', '))
print(table.concat({'a', 'b', 'c'}, '', 2))
print(table.concat({'a', 'b', 'c'}, '-', 2, 3))
print(table.concat({'a', 'b', 'c'}, '-', 3, 2))
print(table.concat({'a', 'b', 'c'}, '-', 2, 2))
print(table.concat({1.5, 2.0, -0.0, 1e100, 2^63, math.mininteger}, ' '))

-- case: concat invalid values
P(table.concat, {1, {}, 3})
P(table.concat, {1, 2, 3}, ',', 1, 5)
P(table.concat, {true})
P(table.concat, {1, 2, nil, 4}, ',', 1, 4)
P(table.concat, {print})
P(table.concat, {setmetatable({}, {__name = 'Named', __tostring = function() return 'x' end})})
print(pcall(function() return table.concat({1, {}}) end))

-- case: concat bad arguments
P(table.concat)
P(table.concat, 'abc')
P(table.concat, {}, {})
P(table.concat, {}, ',', 'x')
P(table.concat, {}, ',', 1, 'y')
P(table.concat, {}, ',', 1.5)
P(table.concat, {1, 2}, 3)
print(table.concat({1, 2}, 3))
print(table.concat({1, 2, 3}, ',', '2', 3.0))

-- case: concat separator bytes
print(table.concat({'a', 'b'}, '\0') == 'a\0b', #table.concat({'a', 'b'}, '\0'))
print(table.concat({'\xff', '\xfe'}, '\n'))

-- case: concat extreme indices
print(table.concat({}, ',', math.maxinteger, math.maxinteger - 1))
P(table.concat, {}, ',', math.maxinteger, math.maxinteger)
P(table.concat, {}, ',', math.mininteger, math.mininteger)
local t = {[math.maxinteger - 1] = 'a', [math.maxinteger] = 'b'}
print(table.concat(t, ',', math.maxinteger - 1, math.maxinteger))
local t = {[-1] = 'm', [0] = 'z', 'o'}
print(table.concat(t, ',', -1, 1))

-- case: concat with metamethods
local p = proxy({'x', 'y', 'z'}, true)
print(table.concat(p, '+'))
print(table.concat(p, '+', 2))
local t = setmetatable({}, {__index = function(_, k) return k * 10 end, __len = function() return 4 end})
print(table.concat(t, ' '))
print(table.concat(t, ' ', 3, 6))

-- case: concat __len called even with j
local n = 0
local t = setmetatable({'a', 'b'}, {__len = function() n = n + 1 return 2 end})
print(table.concat(t, ',', 1, 2), n)

-- case: concat __index error
local t = setmetatable({}, {__index = function(t, k) error('idx ' .. k) end})
print(pcall(table.concat, t, ',', 1, 2))

-- case: concat large
local t = {}
for i = 1, 1000 do t[i] = i end
local s = table.concat(t, ',')
print(#s, s:sub(1, 20), s:sub(-20))

-- case: pack
local t = table.pack()
print(t.n, #t)
t = table.pack(nil)
print(t.n, t[1])
t = table.pack(1, nil, 3, nil)
print(t.n, t[1], t[2], t[3], t[4])
t = table.pack('a', 'b', 'c')
print(t.n, t[1], t[2], t[3], #t)

-- case: unpack basic
print(table.unpack({}))
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, 2, 3))
print(table.unpack({1, 2, 3}, 3, 2))
print(table.unpack({1, 2, 3}, -1, 1))
print(table.unpack({1, 2, 3}, 2, 5))
print(select('#', table.unpack({1, 2, 3}, 1, 10)))
print(select('#', table.unpack({}, 1, 0)))
print(table.unpack({1, 2, 3}, nil, 2))
print(table.unpack({1, 2, 3}, '2', '3'))

-- case: unpack with holes and n
local t = table.pack(1, nil, 3)
print(table.unpack(t, 1, t.n))
print(select('#', table.unpack(t, 1, t.n)))

-- case: unpack bad arguments
P(table.unpack)
P(table.unpack, nil)
P(table.unpack, 42)
P(table.unpack, {}, 'x')
P(table.unpack, {}, 1, 'y')
P(table.unpack, {}, 1.5)
P(table.unpack, nil, 'x')
print(table.unpack('abc'))
print(pcall(table.unpack, true, 1, 2))

-- case: unpack too many results
P(table.unpack, {}, 1, 1e8)
P(table.unpack, {}, 1, math.maxinteger)
P(table.unpack, {}, math.mininteger, math.maxinteger)
P(table.unpack, {}, 0, 2^31)
print(pcall(function() return table.unpack({}, 1, 1e7) end))
print(select('#', table.unpack({}, 1, 100000)))

-- case: unpack extreme indices
local t = {[math.maxinteger] = 'max', [math.maxinteger - 1] = 'max-1'}
print(table.unpack(t, math.maxinteger - 1, math.maxinteger))
print(table.unpack(t, math.maxinteger, math.maxinteger))
local t = {[math.mininteger] = 'min'}
print(table.unpack(t, math.mininteger, math.mininteger + 1))

-- case: unpack with metamethods
local p = proxy({'a', 'b', 'c'}, true)
print(table.unpack(p))
print(table.unpack(p, 2, 3))
local t = setmetatable({}, {__index = function(_, k) return k * 2 end})
print(table.unpack(t, 1, 4))
print(pcall(table.unpack, setmetatable({}, {__len = function() return 2.5 end})))

-- case: move basic
local a = {1, 2, 3, 4, 5}
show(table.move(a, 1, 3, 3))
local a = {1, 2, 3, 4, 5}
show(table.move(a, 2, 5, 1))
local a = {1, 2, 3}
local b = table.move(a, 1, 3, 1, {})
show(b)
print(a == b, table.move(a, 1, 3, 1) == a)
local b = {'x', 'y'}
show(table.move({1, 2, 3}, 1, 3, 2, b))

-- case: move empty ranges
local a = {1, 2, 3}
show(table.move(a, 3, 1, 1))
show(table.move(a, 1, 0, 5))
show(table.move(a, 0, 0, 3), 3)

-- case: move errors
P(table.move, {1, 2, 3}, 1, math.maxinteger, 2)
P(table.move, {1, 2, 3}, -1, math.maxinteger, 2)
P(table.move, {1, 2, 3}, 1, 3, math.maxinteger)
P(table.move, {1, 2, 3}, math.mininteger, -1, 1)
P(table.move, {})
P(table.move, {}, 1)
P(table.move, {}, 1, 2)
P(table.move, nil, 1, 2, 3)
P(table.move, {}, 1, 2, 3, 'x')
P(table.move, 'abc', 1, 2, 3)
P(table.move, nil, 'x', 2, 3)
P(table.move, {}, 1.5, 2, 3)
print(type(table.move({}, 1, 2, 3, nil)))

-- case: move extreme but valid
local a = {[math.maxinteger - 2] = 'a', [math.maxinteger - 1] = 'b', [math.maxinteger] = 'c'}
local b = table.move(a, math.maxinteger - 2, math.maxinteger, 1, {})
show(b)
local c = table.move({1, 2, 3}, 1, 3, math.maxinteger - 2, {})
print(c[math.maxinteger - 2], c[math.maxinteger - 1], c[math.maxinteger])
local d = table.move({[math.mininteger] = 'm', [math.mininteger + 1] = 'n'}, math.mininteger, math.mininteger + 1, 1, {})
show(d)

-- case: move overlapping with metamethods
local store = {1, 2, 3, 4}
local p = proxy(store, true)
table.move(p, 1, 3, 2)
show(store)
local store2 = {}
table.move(p, 2, 3, 1, proxy(store2, true))
show(store2)

-- case: move with __eq decides direction
local log = {}
local mt = {__eq = function(a, b) print('eq called') return true end}
local a = setmetatable({1, 2, 3}, mt)
local b = setmetatable({}, mt)
table.move(a, 1, 3, 2, b)
print(rawget(b, 2), rawget(b, 3), rawget(b, 4))
local c = setmetatable({1, 2, 3}, {})
table.move(c, 1, 3, 2, c)
show(c)

-- case: move to non-table with __newindex
local got = {}
local target = setmetatable({}, {__newindex = function(_, k, v) got[#got + 1] = k .. '=' .. v end})
table.move({'a', 'b'}, 1, 2, 5, target)
print(table.concat(got, ' '))
print(pcall(table.move, {1}, 1, 1, 1, setmetatable({}, {__index = {}})) == true)

-- case: sort numbers
local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(t)
show(t)
local t = {3.5, -1, 2, 1e10, -1e10, 0.5, 2^53, -2^53}
table.sort(t)
show(t)
local t = {math.maxinteger, math.mininteger, 0, -1, 1, 2^63, -2^63, math.huge, -math.huge}
table.sort(t)
show(t)

-- case: sort strings
local t = {'banana', 'apple', 'cherry', 'Apple', '', 'a\0b', 'a', '\xff', 'b'}
table.sort(t)
for i, v in ipairs(t) do print(i, #v, v:byte(1, -1)) end

-- case: sort with comparator
local t = {5, 2, 8, 1, 9, 3}
table.sort(t, function(a, b) return a > b end)
show(t)
local recs = {{n = 'c', v = 3}, {n = 'a', v = 1}, {n = 'b', v = 2}}
table.sort(recs, function(x, y) return x.n < y.n end)
print(recs[1].n, recs[2].n, recs[3].n)

-- case: sort small sizes
for n = 0, 6 do
  local t = {}
  for i = 1, n do t[i] = (i * 7) % 5 + i end
  table.sort(t)
  show(t)
end

-- case: sort all permutations of 5
local count, bad = 0, 0
local function perm(a, k)
  if k == 0 then
    local t = {table.unpack(a)}
    table.sort(t)
    count = count + 1
    if not sorted(t) then bad = bad + 1 end
    local u = {table.unpack(a)}
    table.sort(u, function(x, y) return x > y end)
    if not sorted(u, function(x, y) return x > y end) then bad = bad + 1 end
    return
  end
  for i = 1, k do
    a[i], a[k] = a[k], a[i]
    perm(a, k - 1)
    a[i], a[k] = a[k], a[i]
  end
end
perm({1, 2, 3, 4, 5}, 5)
perm({1, 1, 2, 2, 3, 3}, 6)
print(count, bad)

-- case: sort large arrays
local seed = 12345
local function rnd(m) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % m end
for _, n in ipairs{50, 100, 101, 500, 2000} do
  local t = {}
  for i = 1, n do t[i] = rnd(1000) end
  table.sort(t)
  local u = {}
  for i = 1, n do u[i] = rnd(n) end
  table.sort(u, function(a, b) return a > b end)
  print(n, sorted(t), sorted(u, function(a, b) return a > b end), t[1], t[n])
end

-- case: sort adversarial inputs
local n = 3000
local asc, desc, same, organ, saw = {}, {}, {}, {}, {}
for i = 1, n do
  asc[i] = i; desc[i] = n - i; same[i] = 7
  organ[i] = i <= n / 2 and i or n - i
  saw[i] = i % 10
end
for _, t in ipairs{asc, desc, same, organ, saw} do
  local calls = 0
  table.sort(t, function(a, b) calls = calls + 1 return a < b end)
  print(sorted(t), calls < n * 40)
end

-- case: sort comparator keeps permutation
local t, count = {}, {}
for i = 1, 300 do t[i] = (i * 37) % 17 end
for _, v in ipairs(t) do count[v] = (count[v] or 0) + 1 end
table.sort(t, function(a, b) return a > b end)
local after = {}
for _, v in ipairs(t) do after[v] = (after[v] or 0) + 1 end
local same = true
for k, v in pairs(count) do if after[k] ~= v then same = false end end
print(same, #t, sorted(t, function(a, b) return a > b end))

-- case: sort mixed integers and floats
local t = {3, 1.5, 2, 2.5, 1, 0.5, -1, -0.5}
table.sort(t)
show(t)
local t = {2^60, 2^60 + 1, 2^60 - 1, 1.5e18, -2^62}
table.sort(t)
show(t)

-- case: sort errors
P(table.sort, {3, 1, nil, 2})
P(table.sort, {1, 'x'})
P(table.sort, {'x', 1})
P(table.sort, {{}, {}})
P(table.sort, {1, 2, {}})
P(table.sort, {true, false})
P(table.sort, {3, 1, 2}, {})
P(table.sort, {3, 1, 2}, 1)
P(table.sort, {3, 1, 2}, 'x')
P(table.sort, {1}, 'not a function')
P(table.sort, {}, 'not a function')
P(table.sort)
P(table.sort, nil)
P(table.sort, 'abc')
P(table.sort, setmetatable({}, {__len = function() return 2^40 end}))
P(table.sort, setmetatable({}, {__len = function() return math.maxinteger end}))
P(table.sort, setmetatable({}, {__len = function() return 2147483647 end}))
P(table.sort, setmetatable({}, {__len = function() return 2.5 end}))
P(table.sort, {1, 2}, setmetatable({}, {__call = function() return true end}))
P(table.sort, {setmetatable({}, {__name = 'Foo'}), setmetatable({}, {__name = 'Foo'})})
P(table.sort, {setmetatable({}, {__name = 'Foo'}), 1})
print(pcall(function() table.sort({1, nil, 3}) end))
print(pcall(function() table.sort({3, 'a', 2, 'b'}) end))

-- case: sort invalid order function
for _, n in ipairs{4, 5, 10, 50, 100} do
  local t = {}
  for i = 1, n do t[i] = i end
  print(n, pcall(table.sort, t, function(a, b) return true end))
end
print(pcall(function() table.sort({1, 2, 3, 4, 5}, function(a, b) return true end) end))
local t = {5, 4, 3, 2, 1}
print(pcall(table.sort, t, function(a, b) return a <= b end))

-- case: sort always-true comparator on tiny arrays
for n = 1, 3 do
  local t = {}
  for i = 1, n do t[i] = i end
  print(n, pcall(table.sort, t, function(a, b) return true end))
end

-- case: sort comparator errors
print(pcall(table.sort, {3, 2, 1}, function(a, b) error('cmp fails') end))
print(type(select(2, pcall(table.sort, {3, 2, 1}, function(a, b) error({code = 42}) end))))
print(select(2, pcall(table.sort, {3, 2, 1}, function(a, b) error({code = 42}) end)).code)
print(pcall(table.sort, {3, 2, 1}, function(a, b) return a.x < b end))

-- case: sort comparator results truthiness
local t = {3, 1, 2}
table.sort(t, function(a, b) if a < b then return 1 else return nil end end)
show(t)
local t = {3, 1, 2}
table.sort(t, function(a, b) return a < b, 'extra' end)
show(t)
local t = {3, 1, 2}
table.sort(t, function(a, b) if b < a then return false end return 0 end)
print(pcall(table.sort, {3, 1, 2, 5, 4, 7, 6}, function(a, b) return 0 end))

-- case: sort with __lt metamethod
local mt = {__lt = function(a, b) return a.v < b.v end}
local t = {}
for i, v in ipairs{5, 3, 9, 1, 7} do t[i] = setmetatable({v = v}, mt) end
table.sort(t)
local out = {}
for i, x in ipairs(t) do out[i] = x.v end
print(table.concat(out, ' '))

-- case: sort through metamethods
local store = {4, 2, 3, 1}
local p = proxy(store)
table.sort(p)
show(store)
local store = {'d', 'b', 'c', 'a', 'e'}
table.sort(proxy(store), function(a, b) return a > b end)
show(store)

-- case: sort honours __len
local t = setmetatable({5, 4, 3, 2, 1}, {__len = function() return 3 end})
table.sort(t)
show(t, 5)

-- case: sort table with hash part elements
local t = {}
t[3] = 1; t[1] = 3; t[2] = 2; t[4] = 0
table.sort(t)
show(t)

-- case: sort nan
local nan = 0/0
local t = {nan, 1, 2}
print(pcall(table.sort, t))
local t = {3, 2, 1, nan}
print(pcall(table.sort, t))

-- case: sort comparator can yield
local co = coroutine.wrap(function()
  local t = {3, 1, 2, 9, 4, 7}
  table.sort(t, function(a, b) coroutine.yield('cmp') return a < b end)
  return table.concat(t, ',')
end)
local r = co()
while r == 'cmp' do r = co() end
print(r)

-- case: sort comparator sees consistent elements
local t = {5, 1, 4, 2, 3}
local ok = true
table.sort(t, function(a, b)
  if type(a) ~= 'number' or type(b) ~= 'number' then ok = false end
  return a < b
end)
print(ok)
show(t)

-- case: library functions through metamethods can yield
local store = {1, 2, 3}
local p = setmetatable({}, {
  __index = function(_, k) coroutine.yield('get ' .. k) return store[k] end,
  __newindex = function(_, k, v) coroutine.yield('set ' .. k) store[k] = v end,
  __len = function() coroutine.yield('len') return #store end,
})
local co = coroutine.wrap(function()
  table.insert(p, 1, 0)
  print(table.concat(store, ','))
  print(table.remove(p, 1))
  print(table.concat(p, ';'))
  print(table.unpack(p))
  table.move(p, 1, 3, 2)
  print(table.concat(store, ','))
  table.sort(p, function(a, b) return a > b end)
  print(table.concat(store, ','))
  return 'done'
end)
local r = co()
while r ~= 'done' do r = co() end

-- case: functions exist
local names = {}
for k in pairs(table) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, ' '))
print(type(table.unpack), unpack)

-- case: sort keeps all elements with many duplicates
local t = {}
for i = 1, 1000 do t[i] = i % 3 end
table.sort(t)
local c = {0, 0, 0}
for i = 1, 1000 do c[t[i] + 1] = c[t[i] + 1] + 1 end
print(c[1], c[2], c[3], t[1], t[334], t[335], t[1000])

-- case: sort strings large
local t = {}
for i = 1, 500 do t[i] = tostring((i * 7919) % 1000) end
table.sort(t)
print(sorted(t), t[1], t[2], t[500])
table.sort(t, function(a, b) return #a < #b or (#a == #b and a < b) end)
print(t[1], t[2], t[500])

-- case: insert remove round trip
local t = {}
for i = 1, 10 do table.insert(t, i) end
for i = 1, 5 do table.remove(t, 1) end
for i = 1, 3 do table.insert(t, 2, -i) end
show(t)

-- case: methods through __index = table
local t = setmetatable({}, {__index = table})
t:insert('a')
t:insert(1, 'b')
print(t:concat(','), t:unpack())
print(pcall(function() t:insert(1, 2, 3) end))
print(pcall(function() t:insert(5, 'x') end))
print(pcall(function() t:remove(7) end))
print(pcall(function() t:concat({}) end))
print(pcall(function() t:sort(1) end))
print(pcall(function() t:move(1.5, 2, 3) end))
print(pcall(function() t:unpack(1, 1e8) end))
print(pcall(function() return ('x'):len(), table.concat('x') end))

-- case: called through locals and fields
local ins, tbl = table.insert, table
print(pcall(function() ins(nil, 1) end))
print(pcall(function() tbl.insert(nil, 1) end))
print(pcall(function() local x = {f = table.concat} return x.f(nil) end))
print(pcall(function() local s = table.sort s({1, 2}, 3) end))
print(pcall(function() return table.unpack({}, 1, 'z') end))
print(pcall(function() return table.move({}, 1, 2, math.maxinteger) end))

-- case: concat number formats
print(table.concat({1, 1.0, -0.0, 0.1, 1/3, 1e15, 1e16, 2^53, 2^63, -2^63, 1e100, 1/0, -1/0}, ' '))
print(table.concat({math.maxinteger, math.mininteger, 255, -255, 3.14159265358979}, ','))
local nan = 0/0
print(table.concat({nan, -nan}, ' '))

-- case: concat many separators and ranges
local t = {'a', 'b', 'c', 'd', 'e'}
for i = 0, 6 do
  local row = {}
  for j = 0, 6 do
    local ok, r = pcall(table.concat, t, '.', i, j)
    row[#row + 1] = ok and ('[' .. r .. ']') or 'E'
  end
  print(i, table.concat(row, ' '))
end

-- case: insert remove on __index-only tables
local base = {10, 20, 30}
local t = setmetatable({}, {__index = base})
print(#t, table.remove(t), rawget(t, 0))
local t2 = setmetatable({1, 2}, {__index = function(_, k) return 'dflt' .. k end})
table.insert(t2, 'x')
print(rawget(t2, 3), t2[4])
print(table.remove(t2, 1), rawget(t2, 1), rawget(t2, 2), rawget(t2, 3))

-- case: insert with __newindex only
local log = {}
local t = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = tostring(k) .. '=' .. tostring(v) rawset(t, k, v) end})
table.insert(t, 'a')
table.insert(t, 'b')
table.insert(t, 1, 'c')
print(table.concat(log, ' '), table.concat(t, ','))

-- case: remove with __len returning strings and floats
local t = setmetatable({1, 2, 3}, {__len = function() return '2' end})
print(table.remove(t), rawget(t, 2), rawget(t, 3))
local t = setmetatable({1, 2, 3}, {__len = function() return 3.0 end})
print(table.remove(t), rawget(t, 3))
print(pcall(table.remove, setmetatable({}, {__len = function() return 1.5 end})))

-- case: unpack on strings and userdata-like values
print(table.unpack('hello', 1, 3))
print(pcall(table.unpack, 5))
print(pcall(table.unpack, true))
print(pcall(table.unpack, print))
print(table.unpack(setmetatable({}, {__index = function(_, k) return k end, __len = function() return 3 end})))

-- case: unpack many values
local t = {}
for i = 1, 5000 do t[i] = i end
local function count(...) return select('#', ...), (select(5000, ...)) end
print(count(table.unpack(t)))
print(select('#', table.unpack(t, 4990)))

-- case: pack and unpack round trip
local function rt(...)
  local p = table.pack(...)
  return select('#', table.unpack(p, 1, p.n)) == select('#', ...), p.n
end
print(rt())
print(rt(nil))
print(rt(1, nil, nil))
print(rt(nil, nil, 3))

-- case: move within same table overlapping both ways
for _, c in ipairs{{1, 5, 3}, {3, 7, 1}, {1, 3, 2}, {2, 4, 1}, {1, 7, 1}, {4, 4, 1}, {1, 3, 6}} do
  local t = {1, 2, 3, 4, 5, 6, 7}
  table.move(t, c[1], c[2], c[3])
  local r = {}
  for i = 1, 10 do r[i] = tostring(t[i]) end
  print(c[1], c[2], c[3], table.concat(r, ' '))
end

-- case: move same table given twice
local t = {1, 2, 3, 4, 5}
table.move(t, 1, 4, 2, t)
show(t)

-- case: move with holes and nils
local t = {1, nil, 3, nil, 5}
local u = table.move(t, 1, 5, 1, {})
print(u[1], u[2], u[3], u[4], u[5])
local v = table.move({}, 1, 3, 1, {1, 2, 3})
print(v[1], v[2], v[3])

-- case: move negative and zero indices
local t = {[-2] = 'a', [-1] = 'b', [0] = 'c', 'd'}
local u = table.move(t, -2, 1, 10, {})
print(u[10], u[11], u[12], u[13])
local w = table.move({'x', 'y'}, 1, 2, -5, {})
print(w[-5], w[-4])

-- case: sort two and three elements with all orders
local perms = {{1, 2, 3}, {1, 3, 2}, {2, 1, 3}, {2, 3, 1}, {3, 1, 2}, {3, 2, 1}}
for _, p in ipairs(perms) do
  local a, b = {table.unpack(p)}, {table.unpack(p)}
  table.sort(a)
  table.sort(b, function(x, y) return x > y end)
  print(table.concat(p), table.concat(a), table.concat(b))
end
for _, p in ipairs{{1, 2}, {2, 1}} do local a = {table.unpack(p)} table.sort(a) print(table.concat(a)) end

-- case: sort comparator call count bounds
local calls = 0
local t = {}
for i = 1, 1000 do t[i] = (i * 7919) % 1009 end
table.sort(t, function(a, b) calls = calls + 1 return a < b end)
print(sorted(t), calls > 1000, calls < 40000)

-- case: sort booleans with comparator
local t = {true, false, true, false, false}
table.sort(t, function(a, b) return (not a) and b end)
local r = {}
for i, v in ipairs(t) do r[i] = tostring(v) end
print(table.concat(r, ' '))

-- case: sort errors mid-way leave a permutation
local t = {5, 3, 8, 1, 9, 2, 7}
local n = 0
print(pcall(table.sort, t, function(a, b) n = n + 1 if n == 5 then error('stop') end return a < b end))
local seen = {}
for i = 1, 7 do seen[t[i]] = true end
local c = 0
for k in pairs(seen) do c = c + 1 end
print(#t, c)

-- case: sort strings with numbers fails
print(pcall(table.sort, {'10', 9, '8'}))
print(pcall(table.sort, {'b', 'a', 1}))
print(pcall(table.sort, {1, 2, 3, 'x', 5}))

-- case: sort negative zero and integers
local t = {0, -0.0, 0.0, -1, 1, -0.0}
table.sort(t)
print(t[1], t[6], #t)

-- case: sort with __len larger than content
local t = setmetatable({3, 1, 2}, {__len = function() return 5 end})
print(pcall(table.sort, t))

-- case: sort after table changes size in comparator
local t = {3, 1, 2, 5, 4}
print(pcall(table.sort, t, function(a, b) t[10] = 1 return a < b end))
print(t[1] ~= nil, t[10])

-- case: concat after removals
local t = {}
for i = 1, 10 do t[i] = i end
for i = 1, 5 do table.remove(t, 1) end
print(table.concat(t, ','), #t)
table.insert(t, 3, 'x')
print(table.concat(t, ','), #t)

-- case: insert at border with nil elements
local t = {1, 2, nil, 4}
print(#t)
table.insert(t, 'e')
print(t[5], #t)

-- case: remove last returns value and shrinks border
local t = {'a', 'b', 'c'}
print(table.remove(t), #t, table.remove(t), #t, table.remove(t), #t, table.remove(t), #t)

-- case: table library with integer-valued float keys
local t = {}
t[1.0] = 'a'; t[2] = 'b'; t[3.0] = 'c'
print(#t, table.concat(t, ','), table.unpack(t))
table.insert(t, 2.0, 'z')
print(table.concat(t, ','))
print(table.remove(t, 4.0), table.concat(t, ','))
