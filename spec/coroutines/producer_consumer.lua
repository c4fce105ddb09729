-- Producer/consumer with a filter in between, driven by the consumer.
local function producer(items)
  return coroutine.create(function()
    for _, item in ipairs(items) do coroutine.yield(item) end
    return nil
  end)
end
local function receive(prod)
  local ok, value = coroutine.resume(prod)
  return value
end
local function filter(prod)
  return coroutine.create(function()
    local line = 1
    while true do
      local x = receive(prod)
      if x == nil then return nil end
      coroutine.yield(string.format("%3d: %s", line, x))
      line = line + 1
    end
  end)
end
local function consumer(prod)
  local out = {}
  while true do
    local x = receive(prod)
    if x == nil then break end
    out[#out + 1] = x
  end
  return out
end
for _, l in ipairs(consumer(filter(producer({ "alpha", "beta", "gamma" })))) do print(l) end
-- a pipeline of wraps
local function numbers() return coroutine.wrap(function() for i = 1, 10 do coroutine.yield(i) end end) end
local function map(f, g) return coroutine.wrap(function() for v in g do coroutine.yield(f(v)) end end) end
local function take(n, g) return coroutine.wrap(function() for v in g do if n <= 0 then return end n = n - 1 coroutine.yield(v) end end) end
local r = {}
for v in take(4, map(function(x) return x * x end, numbers())) do r[#r + 1] = v end
print(table.concat(r, " "))
