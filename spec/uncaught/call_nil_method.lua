-- Calling a missing method: uncaught error naming the method.
local Account = {}
Account.__index = Account
function Account.new() return setmetatable({ balance = 0 }, Account) end
function Account:deposit(n) self.balance = self.balance + n end
function Account:report() print("balance: " .. self.balance) end
local a = Account.new()
a:deposit(10)
a:deposit(5)
a:report()
a:withdraw(5)
a:report()
