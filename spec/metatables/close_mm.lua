-- __close: its presence is checked at the declaration, but the method is fetched when closing.
local closed = {}
local obj = setmetatable({}, { __close = function(o, e) closed[#closed + 1] = tostring(e) end })
do local x <close> = obj end
print(#closed, closed[1])
local mt = { __close = function() closed[#closed + 1] = "original" end }
local changing = setmetatable({}, mt)
do
  local y <close> = changing
  mt.__close = function() closed[#closed + 1] = "replaced" end
end
print(closed[2])
print(pcall(function()
  local z <close> = setmetatable({}, { __close = "not a function" })
end))
print(pcall(function()
  local nomt <close> = setmetatable({}, { __index = {} })
end))
local callable = setmetatable({}, { __call = function() closed[#closed + 1] = "callable closer" end })
do local w <close> = setmetatable({}, { __close = callable }) end
print(closed[#closed])
