-- ... is only valid directly inside a vararg function; the main chunk is vararg.
local snippets = {
  "function f() return ... end",
  "function f(a) local t = {...} end",
  "function f(...) return function() return ... end end",
  "return ...",
  "function f(..., a) end",
  "function f(a, ...) return ... end",
  "local function f(...) local ... = 1 end",
  "local f = function(...) return select('#', ...) end",
  "function f(...) ... = 1 end",
  "function f(...) return {...}, (...), ... end",
  "function f(.., a) end",
  "function f(a, ... , ...) end",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=vararg")
  print(i, err or "compiled")
end
