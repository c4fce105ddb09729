-- Undeclared names are globals: reading an unset one gives nil; assigning creates it.
print(undefined_global)
new_global = 42
print(new_global, _G.new_global, _G["new_global"])
new_global = nil
print(new_global, rawget(_G, "new_global"))
_G.via_G = "via _G"
print(via_G)
local function set_global() inside_function = "set inside" end
print(inside_function)
set_global()
print(inside_function)
local names = {}
for k in pairs(_G) do if type(k) == "string" and k:sub(1, 4) == "new_" or k == "via_G" or k == "inside_function" then names[#names + 1] = k end end
table.sort(names)
print(table.concat(names, " "))
local std = { "assert", "collectgarbage", "dofile", "error", "getmetatable", "ipairs", "load", "loadfile",
  "next", "pairs", "pcall", "print", "rawequal", "rawget", "rawlen", "rawset", "require", "select",
  "setmetatable", "tonumber", "tostring", "type", "xpcall", "_G", "_VERSION", "coroutine", "math", "string", "table" }
local missing = {}
for _, n in ipairs(std) do if _G[n] == nil then missing[#missing + 1] = n end end
print(#missing, table.concat(missing, " "))
