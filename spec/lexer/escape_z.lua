-- \z skips the following whitespace, including newlines.
local s = "abc\z
           def"
print(s, #s)
local t = "1\z    2\z

   3"
print(t)
print("x\z" == "x")
print(#"a\z  \t\n  b")
local long = "The quick brown \z
              fox jumps over \z
              the lazy dog"
print(long)
print("end\z")
