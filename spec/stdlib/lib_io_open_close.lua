-- io.open/close/type and file:close: modes, failures with errno, closed files and argument errors.
local name = "lib_io_open_close.tmp"
local f = assert(io.open(name, "w"))
print(io.type(f), tostring(f):match("^file %(") ~= nil)
print(f:write("line1\n", 2, "\n", 3.5, "\n") == f)
print(f:close())
print(io.type(f), tostring(f))
print(pcall(f.write, f, "x"))
print(pcall(f.close, f))
print(pcall(f.read, f))
print(pcall(f.lines, f))
print(pcall(f.seek, f))
-- modes
for _, mode in ipairs({ "r", "rb", "r+", "r+b", "a", "a+", "w+" }) do
  local h, err = io.open(name, mode)
  io.write(mode, "=", io.type(h) or tostring(err), " ")
  if h then h:close() end
end
print()
print(pcall(io.open, name, "x"))
print(pcall(io.open, name, "rw"))
print(pcall(io.open, name, "r+x"))
print(pcall(io.open, name, ""))
print(pcall(io.open))
print(pcall(io.open, name, 1))
print(io.open("lib_io_no_such_file.tmp"))
print(io.open("lib_io_no_such_dir/x.txt", "w"))
print(io.open(".", "r") ~= nil)
-- "a" appends, "w" truncates, "r+" keeps the contents
f = assert(io.open(name, "a"))
f:write("appended\n")
f:close()
f = assert(io.open(name, "r"))
print((f:read("a"):gsub("\n", "|")))
f:close()
f = assert(io.open(name, "r+"))
f:write("LINE")
f:close()
f = assert(io.open(name, "r"))
print(f:read("l"))
f:close()
f = assert(io.open(name, "w"))
f:close()
f = assert(io.open(name))
print(f:read("a") == "", f:read("l"), f:read(0))
f:close()
-- reading from a write-only file and writing to a read-only file fail with a message
f = assert(io.open(name, "r"))
local ok, msg, code = f:write("nope")
print(ok, type(msg), math.type(code))
f:close()
-- io.close
f = assert(io.open(name, "w"))
print(io.close(f), io.type(f))
print(pcall(io.close, f))
print(pcall(io.close, 42))
print(io.type(nil), io.type({}), io.type("file"), io.type(io.stdout), io.type(io.stderr))
print(pcall(io.type))
-- closing a standard file is refused
print(io.stdout:close())
print(io.type(io.stdout))
-- a file in a to-be-closed variable is closed at the end of its block (__close)
local keep
do
  local tbc <close> = assert(io.open(name, "w"))
  keep = tbc
  tbc:write("closed by __close")
end
print(io.type(keep), io.open(name):read("a"))
print(os.remove(name))
