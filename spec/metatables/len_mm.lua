-- __len is called for # on tables (and gets the table); strings use their byte length.
local t = setmetatable({ 1, 2, 3 }, { __len = function(self) return rawlen(self) * 10 end })
print(#t, rawlen(t))
local vals = { 5, "str", 2.5, nil, true }
for i = 1, 5 do
  local u = setmetatable({}, { __len = function() return vals[i] end })
  print(i, #u)
end
local multi = setmetatable({}, { __len = function() return 1, 2 end })
print(#multi)
local counter = setmetatable({ items = { "a", "b" } }, { __len = function(s) return #s.items end })
print(#counter)
print(pcall(function() return #setmetatable({}, { __len = "not callable" }) end))
print(pcall(function() return #nil end))
