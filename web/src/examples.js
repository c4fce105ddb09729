// The example scripts of the page's "Examples" menu, in menu order.
export const EXAMPLES = [
  {
    name: 'Hello',
    source: `-- print and io.write go to the output panel
print("hello", 1 + 1)
print(("moonbox runs %s"):format(_VERSION))

local squares = {}
for i = 1, 5 do squares[#squares + 1] = i * i end
print(table.concat(squares, ", "))
`,
  },
  {
    name: 'Closures and objects',
    source: `-- a counter made by a closure
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local next_id = counter()
print(next_id(), next_id(), next_id())

-- a class with a metatable
local Account = {}
Account.__index = Account

function Account.new(owner, balance)
  return setmetatable({ owner = owner, balance = balance or 0 }, Account)
end

function Account:deposit(amount)
  self.balance = self.balance + amount
  return self
end

function Account:__tostring()
  return ("%s has %d"):format(self.owner, self.balance)
end

local a = Account.new("ada", 10):deposit(5):deposit(27)
print(tostring(a))
`,
  },
  {
    name: 'An error',
    source: `local config = { name = "demo" }

local function port_of(c)
  return c.server.port   -- c.server is nil
end

print("before the error")
print(port_of(config))
`,
  },
  {
    name: 'Caught error (pcall)',
    source: `local ok, err = pcall(function()
  error({ code = 42 })
end)
print(ok, type(err), err.code)

local ok2, msg = pcall(error, "plain message", 0)
print(ok2, msg)
`,
  },
  {
    name: 'Runaway loop',
    source: `-- never ends: the run's limits stop it
local n = 0
while true do
  n = n + 1
end
`,
  },
];
