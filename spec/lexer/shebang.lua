#!/usr/bin/env lua5.4 this first line is skipped by the standalone interpreter (luaL_loadfile)
-- A first line starting with '#' is skipped when a file is loaded, but line numbers still count it.
print("shebang skipped")
print(1 + 1)
local ok, e = pcall(error, "x")
print(ok, e)
print(pcall(function() error("line") end))
-- load() does not skip such a line: it is only a convention for files
print(load("#!not skipped by load"))
print(load("# also not skipped"))
-- a '#' later in a file is the length operator
local t = { 1, 2, 3 }
print(#t, #"#")
