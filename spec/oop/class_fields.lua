-- Class-level fields shared by all instances versus instance fields.
local Counter = { instances = 0, step = 1 }
Counter.__index = Counter
function Counter.new(step)
  Counter.instances = Counter.instances + 1
  local o = setmetatable({ value = 0 }, Counter)
  if step then o.step = step end
  return o
end
function Counter:tick() self.value = self.value + self.step; return self end
local a, b, c = Counter.new(), Counter.new(5), Counter.new()
a:tick():tick(); b:tick(); c:tick()
print(a.value, b.value, c.value, Counter.instances, a.instances)
Counter.step = 100
a:tick(); b:tick()
print(a.value, b.value, rawget(a, "step"), rawget(b, "step"))
a.instances = "shadowed"
print(a.instances, Counter.instances, b.instances)
