-- Portable parts of the os library.
print(os.getenv("MOONBOX_SPEC_SURELY_UNSET_VARIABLE"))
print(type(os.getenv("PATH")))
print(pcall(os.getenv))
print(type(os.tmpname), type(os.rename), type(os.remove), type(os.execute))
local ok, msg = os.remove("no_such_file_for_moonbox_spec.txt")
print(ok, msg)
print(os.rename("no_such_file_for_moonbox_spec.txt", "other.txt"))
