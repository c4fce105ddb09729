-- A recursive-descent parser and evaluator for arithmetic expressions with variables and functions.
local function isdigit(c) return c ~= "" and c >= "0" and c <= "9" end
local function isalpha(c) return c ~= "" and c:lower() ~= c:upper() end
local function tokenize(s)
  local toks, i = {}, 1
  while i <= #s do
    local c, j = s:sub(i, i), i
    if c == " " then j = i + 1
    elseif isdigit(c) or c == "." then
      while isdigit(s:sub(j, j)) or s:sub(j, j) == "." do j = j + 1 end
      toks[#toks + 1] = { k = "num", v = tonumber(s:sub(i, j - 1)) }
    elseif isalpha(c) then
      while isalpha(s:sub(j, j)) do j = j + 1 end
      toks[#toks + 1] = { k = "id", v = s:sub(i, j - 1) }
    elseif ("+-*/^(),%"):find(c, 1, true) then toks[#toks + 1] = { k = c }; j = i + 1
    else error("unexpected character '" .. c .. "' at " .. i, 0) end
    i = j
  end
  toks[#toks + 1] = { k = "eof" }; return toks
end
local Parser = {}; Parser.__index = Parser
function Parser:peek() return self.toks[self.pos].k end
function Parser:next() local t = self.toks[self.pos]; self.pos = self.pos + 1; return t end
function Parser:expect(k) if self:peek() ~= k then error("expected " .. k .. " got " .. self:peek(), 0) end return self:next() end
-- expr -> term { ('+'|'-') term };  term -> unary { ('*'|'/'|'%') unary }
local levels = { { ["+"] = true, ["-"] = true }, { ["*"] = true, ["/"] = true, ["%"] = true } }
function Parser:binary(level)
  if level > #levels then return self:unary() end
  local n = self:binary(level + 1)
  while levels[level][self:peek()] do
    local op = self:next().k
    n = { op = op, n, self:binary(level + 1) }
  end
  return n
end
function Parser:expr() return self:binary(1) end
-- unary -> '-' unary | atom [ '^' unary ]
function Parser:unary()
  if self:peek() == "-" then self:next() return { op = "neg", self:unary() } end
  local base = self:atom()
  if self:peek() == "^" then self:next() return { op = "^", base, self:unary() } end
  return base
end
-- atom -> num | id [ '(' expr {',' expr} ')' ] | '(' expr ')'
function Parser:atom()
  local t = self:next()
  if t.k == "num" then return { op = "num", v = t.v } end
  if t.k == "id" then
    if self:peek() ~= "(" then return { op = "var", name = t.v } end
    self:next()
    local args = { self:expr() }
    while self:peek() == "," do self:next() args[#args + 1] = self:expr() end
    self:expect(")")
    return { op = "call", name = t.v, args = args }
  end
  if t.k == "(" then local e = self:expr() self:expect(")") return e end
  error("unexpected " .. t.k, 0)
end
local funcs = { max = math.max, min = math.min, sqrt = math.sqrt }
local binops = {
  ["+"] = function(a, b) return a + b end, ["-"] = function(a, b) return a - b end,
  ["*"] = function(a, b) return a * b end, ["/"] = function(a, b) return a / b end,
  ["%"] = function(a, b) return a % b end, ["^"] = function(a, b) return a ^ b end,
}
local function eval(n, env)
  local op = n.op
  if op == "num" then return n.v end
  if op == "var" then return env[n.name] or error("unknown variable " .. n.name, 0) end
  if op == "neg" then return -eval(n[1], env) end
  if op == "call" then
    local f, args = funcs[n.name] or error("unknown function " .. n.name, 0), {}
    for i, a in ipairs(n.args) do args[i] = eval(a, env) end
    return f(table.unpack(args))
  end
  return binops[op](eval(n[1], env), eval(n[2], env))
end
local function calc(s, env)
  local p = setmetatable({ toks = tokenize(s), pos = 1 }, Parser)
  local tree = p:expr(); p:expect("eof")
  return eval(tree, env or {})
end
local tests = { "1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "10 % 4", "max(1, x, 3) + y",
  "sqrt(16) * -1", "2 * (3 + (4 - 1)) / 3", "1 +", "foo(1)", "z", "(1", "3 $ 4" }
for _, t in ipairs(tests) do print(t, "=>", pcall(calc, t, { x = 7, y = 0.5 })) end
