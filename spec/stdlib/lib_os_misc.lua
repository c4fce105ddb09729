-- os.getenv/execute/remove/rename/tmpname/setlocale: results, failures with errno and argument errors.
print(os.getenv("LIB_OS_MISC_SURELY_UNSET"), type(os.getenv("PATH")), os.getenv("LC_ALL"))
print(pcall(os.getenv))
print(pcall(os.getenv, {}))
print(os.getenv(42))
-- execute
print(os.execute())
io.stdout:flush()
print(os.execute("exit 0"))
print(os.execute("exit 3"))
print(os.execute("kill -15 $$"))
io.stdout:flush()
print(os.execute("echo output of a command"))
print(pcall(os.execute, {}))
-- remove and rename
local a, b = "lib_os_misc_a.tmp", "lib_os_misc_b.tmp"
local f = assert(io.open(a, "w")) f:write("data") f:close()
print(os.rename(a, b))
print(io.open(a), io.open(b):read("a"))
print(os.rename(a, b))
print(os.remove(b))
print(os.remove(b))
print(os.remove("lib_os_misc_no_dir/x"))
print(pcall(os.remove))
print(pcall(os.rename, a))
print(pcall(os.rename))
-- tmpname gives a fresh name that can be used as a file
local tn = os.tmpname()
print(type(tn), #tn > 0, tn ~= os.tmpname())
local tf = io.open(tn, "w")
print(io.type(tf))
tf:close()
print(os.remove(tn))
-- setlocale
print(os.setlocale(), os.setlocale(nil), os.setlocale("C"), os.setlocale("POSIX"))
for _, cat in ipairs({ "all", "collate", "ctype", "monetary", "numeric", "time" }) do io.write(cat, "=", tostring(os.setlocale(nil, cat)), " ") end
print()
print(os.setlocale("lib_os_no_such_locale"), os.setlocale("C", "numeric"), os.setlocale("", "ctype") ~= nil)
print(pcall(os.setlocale, "C", "bogus"))
print(pcall(os.setlocale, {}))
print(pcall(os.setlocale, nil, 1))
print(os.setlocale("C"), tostring(1.5), string.format("%.2f", 2.25))
-- exit is tested by spec/stdlib/os_exit*.lua; here only its argument check in a coroutine-free way
print(type(os.exit), type(os.clock))
