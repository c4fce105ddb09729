-- attacks: endless chains of __concat metamethod calls (each .. of five operands is four calls); expect: LuaInstructionLimitError
local mt = {}
mt.__concat = function(a, b) return "x" end
local t = setmetatable({}, mt)
while true do local s = t .. t .. t .. t .. t end
