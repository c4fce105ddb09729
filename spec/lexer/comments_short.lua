-- Short comments run to the end of the line.
print(1) -- a comment
print(2) --another
-- print(3)
--
print(4) ----- many dashes
local s = "-- not a comment"
print(s)
local t = { 1, -- comment inside a constructor
  2, --[[ long ]] 3,
}
print(#t)
print(10 - -- comment between operator and operand
  3)
print(5 --[==[ x ]==] - 1)
print("a" .. -- comment
"b")
--[x not long
print("done")
-- last line comment without a newline at the end of the file