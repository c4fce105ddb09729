-- attacks: JS-special names as table keys ("__proto__", "constructor", "toString"); expect: ok
local t = {}
t.__proto__ = 1
t.constructor = 2
t.toString = 3
t["hasOwnProperty"] = 4
assert(t.__proto__ == 1 and t.constructor == 2 and t.toString == 3 and t.hasOwnProperty == 4)
local n = 0
for k in pairs(t) do n = n + 1 end
assert(n == 4)
_G.__proto__ = nil
assert(rawget(_G, "__proto__") == nil and rawget({}, "constructor") == nil)
