-- Proper tail calls do not grow the stack.
local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
print(loop(1000000, 0))
local even, odd
function even(n) if n == 0 then return "even" end return odd(n - 1) end
function odd(n) if n == 0 then return "odd" end return even(n - 1) end
print(even(1000001), even(1000000))
local function count(n) if n > 0 then return count(n - 1) end return "bottom" end
print(count(500000))
local obj = { n = 0 }
function obj:tick(k) if k == 0 then return self.n end self.n = self.n + 1 return self:tick(k - 1) end
print(obj:tick(300000))
local function multi(n) if n == 0 then return 1, 2, 3 end return multi(n - 1) end
print(multi(100000))
local function through_pcall(n) if n == 0 then return "p" end return (through_pcall(n - 1)) end
print(through_pcall(100))
