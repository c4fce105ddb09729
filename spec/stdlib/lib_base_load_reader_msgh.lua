-- An error raised by a load() reader outside any pcall passes through the standalone interpreter's
-- message handler (the reader runs in load's protected parser with the handler still set), so the
-- message load returns carries a traceback.
print(load(function() error("reader failed") end))
print(load(function() return {} end))
print(pcall(load, function() error("inside pcall: no traceback") end))
