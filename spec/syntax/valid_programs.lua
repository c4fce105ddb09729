-- Unusual but valid syntax: each snippet compiles and runs.
local snippets = {
  ";;;", "return", "do end", "local a <const>, b <close> = 1, nil",
  "local t = {} t.x = {} t.x.y = function() return 1 end return t.x.y()",
  "return (function(...) return select('#', ...) end)(1, 2, 3)",
  "local s = ('x'):rep(3) return s",
  "return #{1, 2, 3,}",
  "local f = function(...) local a, b = ... return a, b end return f(1)",
  "goto l ::l:: return 'label'",
  "local x = 1 do local x = 2 end return x",
  "return 1 .. 2",
  "return - - -1",
  "return not not nil",
  "local t = {f = function(self) return self end} return t:f() == t",
  "return ({...})[1]",
  "return [==[]]]==]",
  "local a = {} a[#a + 1] = 1 a[#a + 1] = 2 return #a",
  "return type(print) == 'function' and 'yes' or 'no'",
  "while false do end repeat local x until true for i = 1, 0 do end return 'loops'",
  "return 0x10, 1e2, .5, 3., 0x.8p1",
  "local function f() return f end return f()()() == f",
  "return 2^-2, -2^2, (2)^2",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=valid")
  if f then print(i, pcall(f, "vararg")) else print(i, "ERROR", err) end
end
