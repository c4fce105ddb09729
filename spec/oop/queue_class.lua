-- A double-ended queue class with O(1) operations at both ends.
local Deque = {}
Deque.__index = Deque
function Deque.new() return setmetatable({ first = 0, last = -1, items = {} }, Deque) end
function Deque:push_front(v) self.first = self.first - 1; self.items[self.first] = v end
function Deque:push_back(v) self.last = self.last + 1; self.items[self.last] = v end
function Deque:pop_front()
  if self.first > self.last then error("deque is empty", 2) end
  local v = self.items[self.first]
  self.items[self.first] = nil
  self.first = self.first + 1
  return v
end
function Deque:pop_back()
  if self.first > self.last then error("deque is empty", 2) end
  local v = self.items[self.last]
  self.items[self.last] = nil
  self.last = self.last - 1
  return v
end
function Deque:len() return self.last - self.first + 1 end
Deque.__len = Deque.len
local d = Deque.new()
for i = 1, 3 do d:push_back(i) end
d:push_front(0); d:push_front(-1)
print(#d, d:pop_front(), d:pop_back(), d:pop_front(), #d)
print(d:pop_back(), d:pop_back(), #d)
print(pcall(d.pop_back, d))
print(pcall(function() return d:pop_front() end))
for i = 1, 100000 do d:push_back(i) end
local s = 0
while #d > 0 do s = s + d:pop_front() end
print(s)
