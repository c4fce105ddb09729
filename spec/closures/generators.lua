-- Stateful iterators built from closures, used with the generic for.
local function range(n, step)
  local i = 0
  step = step or 1
  return function()
    i = i + step
    if i <= n then return i end
  end
end
for i in range(5) do io.write(i, " ") end print()
for i in range(10, 3) do io.write(i, " ") end print()
local function chars(s)
  local i = 0
  return function() i = i + 1; if i <= #s then return i, s:sub(i, i) end end
end
for i, c in chars("lua") do io.write(i, "=", c, " ") end print()
-- stateless iterator: state and control variable passed by the for loop
local function iter(t, i)
  i = i + 1
  if t[i] then return i, t[i] end
end
local function values(t) return iter, t, 0 end
for i, v in values({ "x", "y", "z" }) do io.write(i, v, " ") end print()
-- an iterator that returns several values per step
local function pairs_of(t)
  local i = -1
  return function() i = i + 2; if t[i + 1] then return t[i], t[i + 1], i end end
end
for a, b, idx in pairs_of({ 1, 2, 3, 4, 5, 6 }) do io.write("(", a, ",", b, "@", idx, ")") end print()
local function fib_gen(limit)
  local a, b = 0, 1
  return function() if a > limit then return nil end local r = a; a, b = b, a + b; return r end
end
local out = {}
for f in fib_gen(100) do out[#out + 1] = f end
print(table.concat(out, ","))
