-- Compiler limits: local variables per function and upvalues; moderately deep nesting still works.
local function locals(n)
  local names = {}
  for i = 1, n do names[i] = "v" .. i end
  return "local " .. table.concat(names, ", ") .. " = 1"
end
print(load(locals(199)) ~= nil)
print(load(locals(200)) ~= nil)
print(select(2, load(locals(201), "=locals")))
local many = {}
for i = 1, 250 do many[i] = "local x" .. i .. " = " .. i end
print(select(2, load(table.concat(many, "\n"), "=separate")))
local function upvalues(n)
  local decl, uses = {}, {}
  for i = 1, n do
    decl[#decl + 1] = "local u" .. i .. " = " .. i
    uses[#uses + 1] = "u" .. i
  end
  -- spread the locals over several enclosing functions so that no single function has more than 200
  local src = {}
  local per = 150
  for i = 1, n, per do
    src[#src + 1] = "return function()"
    for j = i, math.min(n, i + per - 1) do src[#src + 1] = decl[j] end
  end
  src[#src + 1] = "return function() return " .. table.concat(uses, " + ") .. " end"
  for _ = 1, n, per do src[#src + 1] = "end" end
  return table.concat(src, "\n")
end
print(load(upvalues(255)) ~= nil)
print(select(2, load(upvalues(256), "=upvalues")))
print(load("return " .. string.rep("(", 150) .. "1" .. string.rep(")", 150))())
print(load(string.rep("do ", 150) .. "return 'deep blocks' " .. string.rep("end ", 150))())
print(load("return " .. string.rep("- ", 150) .. "1")())
