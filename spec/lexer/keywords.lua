-- Every reserved word of Lua 5.4 used in a statement, plus names that merely contain one.
local andy, orange, notice, ender, iffy, fortune = 1, 2, 3, 4, 5, 6
print(andy + orange + notice + ender + iffy + fortune)

local function classify(n)
  if n < 0 then return "negative"
  elseif n == 0 then return "zero"
  else return "positive" end
end
print(classify(-1), classify(0), classify(1))

local t = {}
for i = 1, 3 do t[#t + 1] = i end
for _, v in ipairs(t) do io.write(v, " ") end
print()

local n = 0
while true do n = n + 1; if n >= 5 then break end end
repeat n = n - 2 until n < 0
print(n)

do
  local x = nil
  print(x == nil, true and false, true or false, not nil)
end

goto done
print("skipped")
::done::
local _ENV2, Nil, TRUE, False = "e", "n", "t", "f"
print(_ENV2, Nil, TRUE, False)
-- keywords are case sensitive: these are ordinary names
local AND, Or, NOT, End, If, While = 1, 2, 3, 4, 5, 6
print(AND, Or, NOT, End, If, While)
-- keywords as field names via strings and after '.' is not allowed, but ["and"] is
local kw = { ["and"] = 1, ["end"] = 2, ["function"] = 3 }
print(kw["and"], kw["end"], kw["function"])
print(load("local t = {} t.end = 1"))
