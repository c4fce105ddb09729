-- io.write and io.read on the standard streams (stdin is empty for spec programs).
local f = io.write("a", 1, 2.5, "\n")
print(f == io.stdout, io.type(io.stdout), io.type(42), io.type(io.stdin))
io.stdout:write("method write ", "chained"):write(" twice\n")
print(io.read("l"), io.read("n"), io.read("a") == "", io.read(0))
print(pcall(io.write, {}))
io.stderr:write("written to stderr\n")
print(select("#", io.read("l", "l")))
