-- debug.getinfo: every option letter, levels, functions, threads, and argument errors.
local function keys(t) local k = {} for n in pairs(t) do k[#k + 1] = n end table.sort(k) return table.concat(k, ",") end
local function f(a, b, ...) return debug.getinfo(1, "nSlutr") end
local i = f(1, 2)
print(i.name, i.namewhat, i.what, i.source, i.short_src, i.linedefined, i.lastlinedefined, i.currentline)
print(i.nups, i.nparams, i.isvararg, i.istailcall, i.ftransfer, i.ntransfer)
print(keys(debug.getinfo(1)))
print(keys(debug.getinfo(print)))
local p = debug.getinfo(print, "S")
print(p.what, p.source, p.short_src, p.linedefined, p.lastlinedefined)
local m = debug.getinfo(1, "S")
print(m.what, m.linedefined, m.short_src)
print(debug.getinfo(1, "l").currentline, debug.getinfo(1, "").currentline)
-- "f" gives the function, "L" the set of active lines
local function g() return debug.getinfo(1, "f").func end
print(g() == g)
local function lines()
  local x = 1
  return x
end
local act = {}
for line in pairs(debug.getinfo(lines, "L").activelines) do act[#act + 1] = line end
table.sort(act)
print(table.concat(act, " "), debug.getinfo(print, "L").activelines)
-- names as seen by the caller
local t = { method = function(self) return debug.getinfo(1, "n") end }
local n1 = t:method()
local n2 = t.method(t)
local function lf() return debug.getinfo(1, "n") end
local n3 = lf()
gfn = function() return debug.getinfo(1, "n") end
local n4 = gfn()
print(n1.name, n1.namewhat, n2.name, n2.namewhat, n3.name, n3.namewhat, n4.name, n4.namewhat)
local function tail() return debug.getinfo(1, "nt") end
local function caller() return tail() end
local ti = caller()
print(ti.name, ti.istailcall)
-- levels beyond the stack give nil; level 0 is getinfo itself
print(debug.getinfo(100), debug.getinfo(0, "n").name, debug.getinfo(0, "S").what)
-- a coroutine's stack
local co = coroutine.create(function(x) coroutine.yield(x) end)
coroutine.resume(co, 1)
local ci = debug.getinfo(co, 1, "Sl")
print(ci.what, ci.currentline, debug.getinfo(co, 0, "n").name, debug.getinfo(co, 2))
-- errors
print(pcall(debug.getinfo, 1, ">"))
print(pcall(debug.getinfo, 1, "q"))
print(pcall(debug.getinfo, print, ">S"))
print(pcall(debug.getinfo))
print(pcall(debug.getinfo, "x"))
print(pcall(debug.getinfo, {}))
print(pcall(debug.getinfo, 1, {}))
print(pcall(debug.getinfo, co, "x"))
print(debug.getinfo(-1))
