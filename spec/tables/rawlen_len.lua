-- # respects __len; rawlen does not.
local t = setmetatable({ 1, 2, 3 }, { __len = function(self) return 42 end })
print(#t, rawlen(t))
local s = setmetatable({}, { __len = function() return "not a number" end })
print(#s, rawlen(s))
print(rawlen("abcd"), rawlen(""))
print(pcall(rawlen, 5))
print(pcall(rawlen))
local counted = setmetatable({}, { __len = function(self) local n = 0 for _ in pairs(self) do n = n + 1 end return n end })
counted.a = 1; counted.b = 2; counted[1] = 3
print(#counted, rawlen(counted))
print(pcall(function() return #setmetatable({}, { __len = function() error("len failed") end }) end))
