-- Strings may contain any byte, including NUL; print and io.write output them unchanged.
local s = "a\0b\0c"
print(#s, s:byte(2), s:sub(3, 3), s:find("\0", 1, true), s:find("\0", 3, true))
io.write(s, "\n")
print(s)
print(("\0"):rep(3) == "\0\0\0", ("x\0y"):upper() == "X\0Y")
print(s < "a\0c", s == "a\0b\0c", s ~= "a")
local t = { [s] = 1 }
print(t["a\0b\0c"], t["a"])
print(string.format("%s|", s) == s .. "|", #string.format("%s", s))
print(string.format("%q", s))
print(table.concat({ "\0", "\0" }, "\0") == "\0\0\0")
print(tostring(s) == s, #tostring(s))
