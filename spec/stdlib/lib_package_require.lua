-- require, package.path/cpath/loaded/preload/searchers/searchpath/config/loadlib: lookups and errors.
local function write(name, text) local f = assert(io.open(name, "w")) f:write(text) f:close() end
write("lib_pkg_tmp_a.lua", "local name, file = ... return { name = name, file = file, n = (count or 0) + 1 }")
write("lib_pkg_tmp_nil.lua", "marker_nil = (marker_nil or 0) + 1")
write("lib_pkg_tmp_false.lua", "return false")
write("lib_pkg_tmp_bad.lua", "return {")
write("lib_pkg_tmp_err.lua", "error('module raised')")
package.path = "./?.lua;./?.lmod"
package.cpath = "./?.so"
print(package.config == "/\n;\n?\n!\n-\n", #package.searchers, type(package.loaded), type(package.preload))
print(package.loaded._G == _G, package.loaded.string == string, package.loaded.package == package)
local a, extra = require("lib_pkg_tmp_a")
print(a.name, a.file, extra, require("lib_pkg_tmp_a") == a)
print(require("lib_pkg_tmp_nil"), marker_nil, package.loaded.lib_pkg_tmp_nil)
print(require("lib_pkg_tmp_nil"), marker_nil)
print(require("lib_pkg_tmp_false"), package.loaded.lib_pkg_tmp_false)
print(pcall(require, "lib_pkg_tmp_bad"))
print(pcall(require, "lib_pkg_tmp_err"))
print(pcall(require, "lib_pkg_missing"))
print(pcall(require, "lib_pkg.sub.missing"))
print(pcall(require))
print(pcall(require, {}))
print(require(42 == 42 and "string") == string)
-- preload gets the name and ":preload:"
package.preload["virt.mod"] = function(...) return { ... } end
local v, where = require("virt.mod")
print(v[1], v[2], where)
-- a custom searcher
table.insert(package.searchers, 1, function(name)
  if name:sub(1, 4) == "gen:" then return function(n, data) return "generated " .. n .. " " .. data end, "DATA" end
  return "\n\tno generator for '" .. name .. "'"
end)
print(require("gen:x"))
print(pcall(require, "lib_pkg_nothing"))
table.remove(package.searchers, 1)
-- searchers must be a table, path must be a string
local saved = package.searchers
package.searchers = nil
print(pcall(require, "lib_pkg_nowhere"))
package.searchers = saved
local savedpath = package.path
package.path = 1
print(pcall(require, "lib_pkg_nowhere"))
package.path = savedpath
package.cpath = false
print(pcall(require, "lib_pkg_nowhere"))
package.cpath = "./?.so"
-- searchpath
print(package.searchpath("lib_pkg_tmp_a", "./?.lua"))
print(package.searchpath("lib_pkg_tmp_a", "./x_?.lua;./?.lua;"))
print(package.searchpath("a.b.c", "./?.x;?/init.y"))
print(package.searchpath("a.b.c", "./?.x", ".", "-"))
print(package.searchpath("a_b", "./?.x", "_", "/"))
print(package.searchpath("lib_pkg_tmp.a", "./?.lua", ""))
print(pcall(package.searchpath, "x"))
print(pcall(package.searchpath, nil, "p"))
-- loadlib fails (no such library) with three results
local r1, r2, r3 = package.loadlib("./lib_pkg_no_such_lib.so", "luaopen_x")
print(r1, type(r2), select("#", package.loadlib("./lib_pkg_no_such_lib.so", "*")))
print(pcall(package.loadlib, "x"))
print(pcall(package.loadlib))
for _, n in ipairs({ "a", "nil", "false", "bad", "err" }) do os.remove("lib_pkg_tmp_" .. n .. ".lua") end
