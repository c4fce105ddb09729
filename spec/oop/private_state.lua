-- Objects with private state held in closures instead of fields.
local function Stack()
  local items, size = {}, 0
  local self = {}
  function self.push(v) size = size + 1; items[size] = v; return self end
  function self.pop()
    if size == 0 then return nil, "empty" end
    local v = items[size]
    items[size] = nil
    size = size - 1
    return v
  end
  function self.peek() return items[size] end
  function self.size() return size end
  return self
end
local s = Stack()
s.push(1).push(2).push(3)
print(s.size(), s.peek(), s.pop(), s.pop(), s.size())
print(s.pop(), s.pop())
print(s.items, type(s.size))
local s2 = Stack()
s2.push("other")
print(s.size(), s2.size())
