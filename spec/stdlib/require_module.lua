-- require loads a module once through package.path and caches it in package.loaded.
package.path = "./?.lmod"
local m = require("spec_module")
print(m.name, m.loads, m.greet("spec"))
local again = require("spec_module")
print(again == m, m.loads, package.loaded.spec_module == m)
print(select(2, require("spec_module")))
local ok, err = pcall(require, "no_such_module_xyz")
print(ok, (err:gsub("\n.*", "")))
package.loaded.virtual = { virtual = true }
print(require("virtual").virtual)
package.preload.pre = function(name, extra) return { from = "preload", name = name, extra = extra } end
local p = require("pre")
print(p.from, p.name, p.extra)
