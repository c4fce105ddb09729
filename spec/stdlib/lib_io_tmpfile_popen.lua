-- io.tmpfile and io.popen: read/write through a temporary file, command output, exit status, errors.
local t = io.tmpfile()
print(io.type(t))
t:write("temporary ", 42, "\n", "second line\n")
print(t:seek("cur"), t:seek("set"))
print(t:read("l"), t:read("L"), t:read("l"))
print(t:close(), io.type(t))
-- popen "r": read a command's output
local p = io.popen("echo hello from popen; echo second", "r")
print(io.type(p), p:read("l"), p:read("a"))
print(p:close())
p = io.popen("printf 'a\\nb\\nc'")
local got = {}
for l in p:lines() do got[#got + 1] = l end
print(#got, table.concat(got, ","))
print(p:close())
-- the exit status of the command is returned by close
print(io.popen("exit 3"):close())
print(io.popen("true"):close())
print(io.popen("kill -9 $$"):close())
-- popen "w": write to a command's standard input
io.stdout:flush()
local w = io.popen("tr a-z A-Z", "w")
w:write("shouted\n")
print(w:close())
-- io.lines on popen output through io.input
local cmd = io.popen("echo x; echo y")
io.input(cmd)
print(io.read("l"), io.read("l"), io.read("l"))
io.input(io.stdin)
cmd:close()
-- errors
print(pcall(io.popen, "true", "rw"))
print(pcall(io.popen, "true", "x"))
print(pcall(io.popen))
print(pcall(io.popen, {}))
print(pcall(io.tmpfile, "ignored") and "tmpfile ignores its arguments")
local r = io.popen("echo pipe")
print(r:seek("cur"))
r:close()
print(pcall(r.read, r))
