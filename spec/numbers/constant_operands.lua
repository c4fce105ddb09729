-- Arithmetic with an integer constant operand (x + 1, x - 3, x * 2, 5 - x) and equality
-- with constants, on every kind of left operand: integers (wrapping at the 64-bit edges),
-- plain and integral-valued floats, numeric strings, values with metamethods, and values
-- that raise errors. Each function runs many times so that compiled code runs it too.
local function show(v) return math.type(v) or type(v), tostring(v) end

local function addi(x) return x + 1 end
local function subk(x) return x - 3 end
local function mulk(x) return x * 2 end
local function rsub(x) return 5 - x end
local function addneg(x) return x + -7 end

local mt = { __add = function(a, b) return "add" end, __sub = function(a, b) return "sub" end,
  __mul = function(a, b) return "mul" end }
local obj = setmetatable({}, mt)

local inputs = { 0, 41, -1, math.maxinteger, math.mininteger, 2^53, -2^53, 0.5, -0.5, 1.0, -0.0,
  3.0, 1e300, 1/0, -1/0, "10", "2.5", "0x10", obj }

for round = 1, 300 do
  for _, x in ipairs(inputs) do
    local a = { show(addi(x)) }
    local b = { show(subk(x)) }
    local c = { show(mulk(x)) }
    local d = { show(rsub(x)) }
    local e = { show(addneg(x)) }
    if round == 300 then
      print(show(x), "|", a[1], a[2], "|", b[1], b[2], "|", c[1], c[2], "|", d[1], d[2], "|", e[1], e[2])
    end
  end
end

-- errors keep their messages
for _, x in ipairs({ {}, "abc", true, print }) do
  for round = 1, 200 do
    local ok, msg = pcall(addi, x)
    local ok2, msg2 = pcall(mulk, x)
    if round == 200 then print(type(x), ok, msg, ok2, msg2) end
  end
end

-- nan stays nan through all of them
local nan = 0/0
for round = 1, 200 do
  local r = addi(nan)
  if round == 200 then print(r ~= r, subk(nan) ~= subk(nan), mulk(nan) ~= mulk(nan)) end
end

-- equality with string, boolean and number constants
local function eqs(x)
  return x == "10", x == true, x == false, x == 10, x == 10.0, x == 0.5, x == nil
end
for round = 1, 300 do
  for _, x in ipairs({ "10", 10, 10.0, true, false, 0.5, "0.5", obj }) do
    local r = { eqs(x) }
    if round == 300 then print(show(x), table.unpack(r, 1, 7)) end
  end
end
for round = 1, 300 do
  local r = { eqs(nil) }
  if round == 300 then print("nil", table.unpack(r, 1, 7)) end
end
