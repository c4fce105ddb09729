-- A singly linked list with insertion, deletion, reversal and iteration.
local List = {}
List.__index = List
function List.new(...) local l = setmetatable({ head = nil, n = 0 }, List) for i = select("#", ...), 1, -1 do l:push(select(i, ...)) end return l end
function List:push(v) self.head = { value = v, next = self.head }; self.n = self.n + 1 end
function List:iter() local node = self.head return function() if node then local v = node.value node = node.next return v end end end
function List:totable() local t = {} for v in self:iter() do t[#t + 1] = v end return t end
function List:reverse()
  local prev, cur = nil, self.head
  while cur do cur.next, prev, cur = prev, cur, cur.next end
  self.head = prev
  return self
end
function List:remove(v)
  local prev, cur = nil, self.head
  while cur do
    if cur.value == v then
      if prev then prev.next = cur.next else self.head = cur.next end
      self.n = self.n - 1
      return true
    end
    prev, cur = cur, cur.next
  end
  return false
end
List.__len = function(l) return l.n end
List.__tostring = function(l) local t = l:totable() for i, v in ipairs(t) do t[i] = tostring(v) end return "(" .. table.concat(t, " ") .. ")" end
local l = List.new(1, 2, 3, 4, 5)
print(tostring(l), #l)
l:reverse()
print(tostring(l))
print(l:remove(3), l:remove(42), tostring(l), #l)
l:push("x")
print(tostring(l:reverse()))
local big = List.new()
for i = 1, 10000 do big:push(i) end
local s = 0
for v in big:iter() do s = s + v end
print(#big, s)
