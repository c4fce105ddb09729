-- Captured variables survive the function that declared them (closed upvalues).
local function make_account(balance)
  local history = {}
  local function record(kind, amount) history[#history + 1] = kind .. ":" .. amount end
  return {
    deposit = function(n) balance = balance + n; record("d", n) end,
    withdraw = function(n)
      if n > balance then return false, "insufficient funds" end
      balance = balance - n; record("w", n); return true
    end,
    balance = function() return balance end,
    history = function() return table.concat(history, " ") end,
  }
end
local acc = make_account(100)
acc.deposit(50)
print(acc.withdraw(30))
print(acc.withdraw(500))
print(acc.balance(), acc.history())
local other = make_account(0)
other.deposit(1)
print(other.balance(), acc.balance())
local fns = {}
do
  local hidden = "secret"
  fns.reveal = function() return hidden end
  fns.change = function(v) hidden = v end
end
fns.change("updated")
print(fns.reveal())
