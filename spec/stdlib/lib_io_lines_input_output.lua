-- io.lines/file:lines with formats, io.input/io.output/io.read/io.write redirection and errors.
local name = "lib_io_lines.tmp"
local f = assert(io.open(name, "w"))
f:write("alpha\n", "beta\n", "\n", "10 20\n", "last")
f:close()
for l in io.lines(name) do io.write("[", l, "]") end
print()
for l in io.lines(name, "L") do io.write((l:gsub("\n", "\\n")), ";") end
print()
for a, b in io.lines(name, 1, 2) do io.write(a, "+", tostring(b), " ") end
print()
for n in io.lines(name, "n") do io.write(tostring(n), " ") end
print("(stops at the first failure)")
local it = io.lines(name, "a")
print(#it(), it())
print(pcall(io.lines, "lib_io_no_such_lines.tmp"))
local okb, bad_it = pcall(io.lines, name, "bad")
print(okb, type(bad_it), select("#", io.lines(name)))
print(pcall(bad_it))
print(pcall(io.lines, {}))
-- file:lines does not close the file; io.lines(name) closes it at the end
f = assert(io.open(name))
local n = 0
for l in f:lines() do n = n + 1 end
print(n, io.type(f), f:read("a"), f:seek("set"), f:read("l"))
for l in f:lines("l") do break end
print(f:read("l"))
f:close()
local lines_it = f.lines
print(pcall(lines_it, f))
local iter = io.lines(name)
while iter() do end
print(pcall(iter))
-- a lines iterator of a closed file
f = assert(io.open(name))
local fi = f:lines()
f:close()
print(pcall(fi))
-- too many formats
local many = {}
for i = 1, 300 do many[i] = "l" end
print(pcall(io.lines, name, table.unpack(many)))
-- io.input / io.read
print(io.input() == io.stdin, io.output() == io.stdout)
local old = io.input(name)
print(old ~= io.stdin, io.type(io.input()), io.read(), io.read("n", "n"))
for l in io.lines() do io.write("<", l, ">") end
print()
io.input():close()
print(pcall(io.read))
print(pcall(io.lines))
io.input(io.stdin)
print(io.read(), io.read("a"))
print(pcall(io.input, "lib_io_no_such_input.tmp"))
print(pcall(io.input, {}))
-- io.output / io.write
local out = io.output(name)
print(out == io.output(), io.type(out))
io.write("to file ", 1, " ", 2.5, "\n")
io.output():close()
print(pcall(io.write, "x"))
print(pcall(io.flush))
print(pcall(out.flush, out))
io.output(io.stdout)
io.input(name)
print(io.read("a"))
io.input():close()
io.input(io.stdin)
local h = assert(io.open(name, "a"))
print(io.output(h) == h)
io.write("appended through io.write\n")
io.output(io.stdout)
h:close()
for l in io.lines(name) do print(l) end
print(pcall(io.output, "lib_io_no_such_dir/out.tmp"))
print(os.remove(name))
