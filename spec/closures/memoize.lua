-- A memoizing wrapper: the cache lives in an upvalue.
local calls = 0
local function memoize(f)
  local cache = {}
  return function(n)
    local v = cache[n]
    if v == nil then v = f(n); cache[n] = v end
    return v
  end
end
local slow_square = function(n) calls = calls + 1; return n * n end
local sq = memoize(slow_square)
print(sq(4), sq(4), sq(5), sq(4), calls)
local fib
fib = memoize(function(n) calls = calls + 1; if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
calls = 0
print(fib(80), calls)
print(fib(90), calls)
