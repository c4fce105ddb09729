-- The main chunk is a vararg function; the standalone interpreter passes the script arguments (none here).
print(select("#", ...))
local args = { ... }
print(#args)
local first = ...
print(first)
print(type(arg), arg and arg[0])
local chunk = load("return select('#', ...), ...")
print(chunk(1, 2, 3))
local f = load("local a, b = ... return b, a")
print(f("x", "y"))
