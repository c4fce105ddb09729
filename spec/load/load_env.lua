-- The fourth argument of load() becomes the chunk's _ENV.
local env = { print = print, value = "from env" }
local f = load("print(value); newglobal = 1; return _ENV", "chunk", "t", env)
local returned = f()
print(returned == env, env.newglobal, newglobal)
local sandbox = setmetatable({}, { __index = function(_, k) return "default " .. k end })
print(load("return anything", "=s", "t", sandbox)())
print(pcall(load("return print('x')", "=noprint", "t", {})))
local g = load("return x", "=g", "t", { x = 1 })
print(g())
local h = load("local function inner() return y end return inner()", "=h", "t", { y = "nested sees env" })
print(h())
local nilenv = load("return x", "=nilenv", "t", nil)
print(pcall(nilenv))
print(load("return _ENV", "=default")() == _G)
local counter_env = { n = 0 }
local inc = load("n = n + 1 return n", "=inc", "t", counter_env)
inc(); inc()
print(counter_env.n)
