-- Metamethods are fetched raw from the metatable: __index on the metatable itself is not used.
local meta_of_meta = { __index = { __add = function() return "inherited add" end } }
local mt = setmetatable({}, meta_of_meta)
local t = setmetatable({}, mt)
print(mt.__add ~= nil, pcall(function() return t + 1 end))
-- changing the metatable after setmetatable takes effect immediately
local mt2 = {}
local u = setmetatable({}, mt2)
print(pcall(function() return u + 1 end))
mt2.__add = function() return "added later" end
print(u + 1)
mt2.__add = nil
print(pcall(function() return u + 1 end))
-- a metatable can be shared
local shared = { __index = function(_, k) return "shared " .. k end }
local a, b = setmetatable({}, shared), setmetatable({}, shared)
print(a.x, b.y, getmetatable(a) == getmetatable(b))
-- __index loop detection
local loop = {}
setmetatable(loop, { __index = loop })
print(pcall(function() return loop.missing end))
local l1, l2 = {}, {}
setmetatable(l1, { __index = l2 })
setmetatable(l2, { __index = l1 })
print(pcall(function() return l1.missing end))
local n1 = {}
setmetatable(n1, { __newindex = n1 })
print(pcall(function() n1.x = 1 end))
