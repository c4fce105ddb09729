-- attacks: digging through the read-only library proxies for the real tables; expect: ok
assert(getmetatable(string) == false and getmetatable(math) == false)
assert(next(string) == nil and rawlen(table) == 0)
for _, lib in ipairs({ string, table, math, utf8, coroutine }) do
  assert(not pcall(setmetatable, lib, nil))
  assert(not pcall(rawset, lib, "x", 1))
end
local mt = getmetatable("")
assert(not pcall(rawset, mt, "__index", {}))
