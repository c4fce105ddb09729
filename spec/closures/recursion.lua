-- Recursive local functions, mutual recursion and recursion through tables.
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(5), fact(20), fact(21))
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
local is_even, is_odd
function is_even(n) if n == 0 then return true end return is_odd(n - 1) end
function is_odd(n) if n == 0 then return false end return is_even(n - 1) end
print(is_even(10), is_odd(7), is_even(7))
local M = {}
function M.depth(t) if type(t) ~= "table" then return 0 end
  local d = 0
  for _, v in ipairs(t) do d = math.max(d, M.depth(v)) end
  return d + 1
end
print(M.depth({ 1, { 2, { 3, { 4 } } }, {} }))
local function ackermann(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ackermann(m - 1, 1) end
  return ackermann(m - 1, ackermann(m, n - 1))
end
print(ackermann(2, 3), ackermann(3, 3))
local function hanoi(n, from, to, via, moves)
  if n == 0 then return moves end
  hanoi(n - 1, from, via, to, moves)
  moves[#moves + 1] = from .. to
  return hanoi(n - 1, via, to, from, moves)
end
print(table.concat(hanoi(3, "A", "C", "B", {}), " "))
local g = function(n) return n end
local g = function(n) if n == 0 then return "done" end return g(n - 1) end
print(g(5))
