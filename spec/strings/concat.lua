-- The concatenation operator .. (right associative) on strings and numbers.
local a, b = "foo", "bar"
print(a .. b, a .. " " .. b, "" .. "", #(a .. b))
print(1 .. 2, 1.5 .. "|", "x" .. 10 // 3, -1 .. -2)
local s = ""
for i = 1, 10 do s = s .. i .. (i < 10 and "," or "") end
print(s)
local parts = {}
for i = 1, 5 do parts[#parts + 1] = string.rep(string.char(96 + i), i) end
print(table.concat(parts, "-"))
local t = setmetatable({}, { __concat = function(x, y)
  if type(x) == "table" then return "T+" .. y end
  return x .. "+T"
end })
-- (two operands per '..' when a metamethod is involved: lua 5.4.4, the recording interpreter, can lose
-- a __concat result inside a longer chain when the stack is reallocated; see metatables/concat_mm.lua)
print("a" .. t, t .. "x", ("p" .. t) .. "q")
print(("a"):rep(3) .. ("b"):rep(2))
print(pcall(function() return "a" .. {} end))
print(pcall(function() return nil .. "a" end))
print(pcall(function() local x return "a" .. x end))
print(pcall(function() return "a" .. true end))
print("nul" .. "\0" .. "byte" == "nul\0byte", #("nul" .. "\0" .. "byte"))
