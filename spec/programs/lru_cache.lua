-- An LRU cache built from a hash table plus a doubly linked list.
local LRU = {}
LRU.__index = LRU
function LRU.new(cap)
  local head, tail = {}, {}
  head.next, tail.prev = tail, head
  return setmetatable({ cap = cap, map = {}, head = head, tail = tail, size = 0, evicted = {} }, LRU)
end
local function unlink(node) node.prev.next, node.next.prev = node.next, node.prev end
function LRU:_front(node)
  node.next, node.prev = self.head.next, self.head
  self.head.next.prev = node
  self.head.next = node
end
function LRU:get(k)
  local node = self.map[k]
  if not node then return nil end
  unlink(node); self:_front(node)
  return node.value
end
function LRU:put(k, v)
  local node = self.map[k]
  if node then node.value = v; unlink(node); self:_front(node) return end
  if self.size == self.cap then
    local last = self.tail.prev
    unlink(last)
    self.map[last.key] = nil
    self.size = self.size - 1
    self.evicted[#self.evicted + 1] = last.key
  end
  node = { key = k, value = v }
  self.map[k] = node
  self:_front(node)
  self.size = self.size + 1
end
function LRU:keys() local t, n = {}, self.head.next while n ~= self.tail do t[#t + 1] = n.key; n = n.next end return table.concat(t, ",") end
local c = LRU.new(3)
c:put("a", 1); c:put("b", 2); c:put("c", 3)
print(c:keys(), c:get("a"), c:keys())
c:put("d", 4)
print(c:keys(), c:get("b"), table.concat(c.evicted, ","))
c:put("c", 30); c:put("e", 5)
print(c:keys(), c:get("c"), table.concat(c.evicted, ","), c.size)
