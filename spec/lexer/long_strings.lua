-- Long brackets of any level; the first newline is skipped.
local a = [[
first line
second line]]
print(a, #a)
local b = [==[contains ]] and ]=] but ends here]==]
print(b)
local c = [[no newline]]
print(c)
local d = [=[
]=]
print(#d)
local e = [====[
[[nested]] [=[also]=] ]===] ]=====]
]====]
print(e)
print([[escapes \n \t are \\ raw]])
print(#[[

]])
local f = [[a
b
c]]
print(#f, select(2, string.gsub(f, "\n", "\n")))
print([[]] == "", [==[]==] == "")
