-- rawget, rawset and rawequal ignore metamethods.
local mt = {
  __index = function() return "meta" end,
  __newindex = function() error("blocked") end,
  __eq = function() return true end,
}
local t = setmetatable({}, mt)
print(t.x, rawget(t, "x"))
print(pcall(function() t.y = 1 end))
print(rawset(t, "y", 2) == t, t.y, rawget(t, "y"))
local u = setmetatable({}, mt)
print(t == u, rawequal(t, u), rawequal(t, t))
print(rawequal(1, 1.0), rawequal("a", "a"), rawequal(nil, nil), rawequal(0, -0), rawequal(0, false))
print(pcall(rawget, "str", 1))
print(pcall(rawset, {}, nil, 1))
print(pcall(rawget, {}))
print(pcall(rawequal, 1))
print(rawget({ 10, 20 }, 2), rawget({ a = 1 }, "a"), rawget({}, 1.0))
local r = rawset({}, 1.0, "float key")
print(next(r), math.type(next(r)))
