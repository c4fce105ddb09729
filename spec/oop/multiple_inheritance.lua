-- Multiple inheritance with an __index function that searches several parents (PiL style).
local function search(k, parents)
  for i = 1, #parents do
    local v = parents[i][k]
    if v ~= nil then return v end
  end
end
local function create_class(...)
  local c = {}
  local parents = { ... }
  setmetatable(c, { __index = function(t, k) return search(k, parents) end })
  c.__index = c
  function c:new(o) o = o or {}; setmetatable(o, c); return o end
  return c
end
local Named = {}
function Named:getname() return self.name end
function Named:setname(n) self.name = n end
local Account = { balance = 0 }
function Account:deposit(v) self.balance = self.balance + v end
function Account:getname() return "account-name" end
local NamedAccount = create_class(Named, Account)
local acc = NamedAccount:new({ name = "Paul" })
print(acc:getname())
acc:deposit(100)
print(acc.balance, Account.balance)
local Reversed = create_class(Account, Named)
local r = Reversed:new({ name = "Ann" })
print(r:getname())
print(pcall(function() return acc:missing() end))
