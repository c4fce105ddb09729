-- debug.sethook with "l": line events of loops, branches, calls and returns, as the reference reports them
local function trace(src)
  local f = assert(load(src, "=chunk"))
  local lines = {}
  debug.sethook(function (event, line)
    assert(event == "line")
    lines[#lines + 1] = line
  end, "l")
  f()
  debug.sethook()
  print(table.concat(lines, " "))
end

trace("local a = 1\nlocal b = 2\nlocal c = a + b\n")
trace("local x = 0\nif x > 0 then\n  x = 1\nelse\n  x = 2\nend\n")
trace("if\nmath.abs(1)\nthen\n  A = 1\nelse\n  A = 2\nend\n")
trace("local a = 1\nwhile a <= 3 do\n  a = a + 1\nend\n")
trace("for i = 1, 3 do\n  local y = i\nend\n")
trace("for i = 1, 3 do local y = i end")
trace("for k, v in ipairs({10, 20}) do\n  local s = k .. v\nend\n")
trace("local n = 0\nrepeat\n  n = n + 1\nuntil n == 3\n")
trace("while true do\n  if math.abs(-1) then\n    break\n  end\nend\nB = 1")
trace("local function foo()\n  return 1\nend\nfoo()\nfoo()\n")
trace("local function f(...)\n  local t = {...}\n  return #t\nend\nlocal n = f(1, 2,\n  3)\n")
trace("do\n  return\nend\n")
trace("local t = {}\nt.x = 1\n  + 2\nt.y =\n  t.x\n")
trace("local a = 1\ngoto skip\na = 2\n::skip::\nlocal b = 2\n")
trace("for i = 1, 3 do\n  if i == 2\n  then\n    break\n  end\nend\nlocal c = 0\nwhile true do\n  c = c + 1\n  if c > 2 then break end\nend\n")

-- lines of a function called from a hooked chunk, and of the chunk after it returns
local function callee()
  local v = 1
  return v
end
local seen = {}
debug.sethook(function (e, l) seen[#seen + 1] = l end, "l")
callee(); local after = 1
debug.sethook()
print(table.concat(seen, " "))

-- currentline inside a line hook is the line being reported
local ok = true
debug.sethook(function (e, l)
  if debug.getinfo(2, "l").currentline ~= l then ok = false end
end, "l")
local p = 1
p = p + 1
debug.sethook()
print("currentline matches", ok)
