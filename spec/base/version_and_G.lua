-- _VERSION and _G.
print(_VERSION)
print(type(_G), _G._G == _G, _G.print == print, _G["_VERSION"] == _VERSION)
_G.created_via_G = 1
print(created_via_G)
created_directly = 2
print(_G.created_directly)
local saved = _G
_G = { replaced = true }
print(type(_G), _G.replaced, saved._G == saved, print ~= nil)
_G = saved
print(_ENV == _G)
local libs = {}
for _, name in ipairs({ "string", "table", "math", "coroutine", "io", "os", "utf8", "debug", "package" }) do
  libs[#libs + 1] = name .. "=" .. type(_G[name])
end
print(table.concat(libs, " "))
