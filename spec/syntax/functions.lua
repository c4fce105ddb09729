-- Malformed function definitions and calls.
local snippets = {
  "function () end", "function f(a,) end", "function f(,a) end", "function f(a b) end",
  "function f(1) end", "function f(a, ..., b) end", "function f(... a) end", "function f(a = 1) end",
  "function f:g:h() end", "function f.g:h.i() end", "function f.1() end", "function f() return return end",
  "function f() end()", "f(", "f(1", "f(1,", "f{", "f{1,", "f'x", "f[[x", "a:b", "a:b c",
  "a:'x'()", "local function f() end end", "return function() end end", "local f = function end",
}
for i, src in ipairs(snippets) do
  local f, err = load(src, "=func")
  print(string.format("%2d %-32s %s", i, src, err or "compiled"))
end
