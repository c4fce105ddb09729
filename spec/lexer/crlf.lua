-- CR LF line endings: long strings get \n, line numbers count each CR LF once.
local s = [[a
b
c]]
print(#s, string.byte(s, 2), string.byte(s, 4))
local ok, err = pcall(function()

  error("here")
end)
print(err)
print(pcall(load("x = \r\n\r\n nil + 1")))
print(pcall(load("local x\n\r\n\r return x.y")))
print(#load("return [[\n\rA\r\nB\n\rC\rD]]")())
print("esc\
end" == "esc\nend")
