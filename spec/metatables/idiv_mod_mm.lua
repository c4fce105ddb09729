-- __idiv and __mod are used instead of the numeric operations, also for number-looking tables.
local mt = {
  __idiv = function(a, b) return "idiv" end,
  __mod = function(a, b) return "mod" end,
  __div = function(a, b) return "div" end,
  __pow = function(a, b) return "pow" end,
}
local t = setmetatable({}, mt)
print(t // 2, 2 // t, t % 2, 2 % t, t / 2, 2 ^ t)
print(pcall(function() return t + 1 end))
local Money = {}
Money.__index = Money
local function money(c) return setmetatable({ cents = c }, Money) end
Money.__add = function(a, b) return money(a.cents + b.cents) end
Money.__mul = function(a, k) return money(a.cents * k) end
Money.__idiv = function(a, k) return money(a.cents // k) end
Money.__mod = function(a, k) return money(a.cents % k) end
Money.__tostring = function(m) return string.format("$%d.%02d", m.cents // 100, m.cents % 100) end
Money.__eq = function(a, b) return a.cents == b.cents end
Money.__lt = function(a, b) return a.cents < b.cents end
local price = money(1999)
print(tostring(price + money(1)), tostring(price * 3), tostring(price // 4), tostring(price % 7))
print(price == money(1999), price < money(2000), price > money(2000))
