-- A small collections library: Queue, Set, PriorityQueue (binary heap).
local Queue = {}
Queue.__index = Queue
function Queue.new() return setmetatable({ head = 1, tail = 0, items = {} }, Queue) end
function Queue:push(v) self.tail = self.tail + 1; self.items[self.tail] = v end
function Queue:pop()
  if self.head > self.tail then return nil end
  local v = self.items[self.head]; self.items[self.head] = nil; self.head = self.head + 1
  return v
end
function Queue:size() return self.tail - self.head + 1 end
local Set = {}
Set.__index = Set
function Set.new(list) local s = setmetatable({ items = {} }, Set) for _, v in ipairs(list or {}) do s.items[v] = true end return s end
function Set:has(v) return self.items[v] == true end
function Set:list() local l = {} for k in pairs(self.items) do l[#l + 1] = k end table.sort(l) return l end
Set.__add = function(a, b) local r = Set.new() for k in pairs(a.items) do r.items[k] = true end for k in pairs(b.items) do r.items[k] = true end return r end
Set.__mul = function(a, b) local r = Set.new() for k in pairs(a.items) do if b.items[k] then r.items[k] = true end end return r end
Set.__sub = function(a, b) local r = Set.new() for k in pairs(a.items) do if not b.items[k] then r.items[k] = true end end return r end
Set.__len = function(s) local n = 0 for _ in pairs(s.items) do n = n + 1 end return n end
Set.__tostring = function(s) return "{" .. table.concat(s:list(), ", ") .. "}" end
Set.__eq = function(a, b) return #(a - b) == 0 and #(b - a) == 0 end
local Heap = {}
Heap.__index = Heap
function Heap.new(less) return setmetatable({ n = 0, a = {}, less = less or function(x, y) return x < y end }, Heap) end
function Heap:push(v)
  self.n = self.n + 1
  local a, i = self.a, self.n
  a[i] = v
  while i > 1 do
    local p = i // 2
    if self.less(a[i], a[p]) then a[i], a[p] = a[p], a[i]; i = p else break end
  end
end
function Heap:pop()
  if self.n == 0 then return nil end
  local a = self.a
  local top = a[1]
  a[1] = a[self.n]; a[self.n] = nil; self.n = self.n - 1
  local i = 1
  while true do
    local l, r, m = 2 * i, 2 * i + 1, i
    if l <= self.n and self.less(a[l], a[m]) then m = l end
    if r <= self.n and self.less(a[r], a[m]) then m = r end
    if m == i then break end
    a[i], a[m] = a[m], a[i]; i = m
  end
  return top
end
local q = Queue.new()
for i = 1, 5 do q:push(i * i) end
print(q:pop(), q:pop(), q:size())
local a, b = Set.new({ 1, 2, 3, 4 }), Set.new({ 3, 4, 5 })
print(tostring(a + b), tostring(a * b), tostring(a - b), #(a + b), a == Set.new({ 4, 3, 2, 1 }), a:has(2), b:has(2))
local h = Heap.new()
for _, v in ipairs({ 5, 3, 8, 1, 9, 2, 7 }) do h:push(v) end
local out = {}
while h.n > 0 do out[#out + 1] = h:pop() end
print(table.concat(out, " "))
local tasks = Heap.new(function(x, y) return x.pri > y.pri or (x.pri == y.pri and x.id < y.id) end)
for i, p in ipairs({ 2, 5, 1, 5, 3 }) do tasks:push({ id = i, pri = p }) end
out = {}
while true do local t = tasks:pop() if not t then break end out[#out + 1] = t.id .. ":" .. t.pri end
print(table.concat(out, " "))
