-- __concat is tried when an operand is not a string or number; chains are right associative.
local mt = {}
mt.__concat = function(a, b)
  local sa = type(a) == "table" and ("<" .. a.name .. ">") or tostring(a)
  local sb = type(b) == "table" and ("<" .. b.name .. ">") or tostring(b)
  return sa .. sb
end
local A = setmetatable({ name = "A" }, mt)
local B = setmetatable({ name = "B" }, mt)
print(A .. B, A .. "s", "s" .. A, 1 .. A, A .. 2.5)
print("x" .. "y" .. A, A .. "x" .. "y", "x" .. A .. "y")
print(A .. B .. A)
local ret_table = setmetatable({}, { __concat = function() return { result = true } end })
print(type(ret_table .. "x"), (ret_table .. "x").result)
print(pcall(function() return A .. nil end))
print(pcall(function() return {} .. A end))
print(pcall(function() return {} .. "x" end))
local log = {}
local L = setmetatable({}, { __concat = function(a, b) log[#log + 1] = type(a) .. "|" .. type(b); return "L" end })
local r = "1" .. "2" .. L .. "3" .. "4"
print(r, table.concat(log, " "))
