-- Matrices: multiplication, identity, power by squaring, determinant (rational-free, integers).
local function mat(rows) return rows end
local function mul(a, b)
  local r = {}
  for i = 1, #a do
    r[i] = {}
    for j = 1, #b[1] do
      local s = 0
      for k = 1, #b do s = s + a[i][k] * b[k][j] end
      r[i][j] = s
    end
  end
  return r
end
local function identity(n) local r = {} for i = 1, n do r[i] = {} for j = 1, n do r[i][j] = i == j and 1 or 0 end end return r end
local function pow(m, e)
  local r = identity(#m)
  while e > 0 do
    if e % 2 == 1 then r = mul(r, m) end
    m = mul(m, m); e = e // 2
  end
  return r
end
local function det(m)
  local n = #m
  if n == 1 then return m[1][1] end
  local d = 0
  for c = 1, n do
    local sub = {}
    for i = 2, n do
      local row = {}
      for j = 1, n do if j ~= c then row[#row + 1] = m[i][j] end end
      sub[#sub + 1] = row
    end
    d = d + ((c % 2 == 1) and 1 or -1) * m[1][c] * det(sub)
  end
  return d
end
local function show(m) for _, row in ipairs(m) do print(table.concat(row, "\t")) end end
show(mul(mat({ { 1, 2 }, { 3, 4 } }), mat({ { 5, 6 }, { 7, 8 } })))
local fib = pow({ { 1, 1 }, { 1, 0 } }, 90)
print("fib(90) =", fib[1][2])
print(det({ { 2, 0, 1 }, { 1, 3, 2 }, { 1, 1, 1 } }), det({ { 1, 2 }, { 2, 4 } }), det(identity(5)))
show(pow({ { 2, 0 }, { 0, 0.5 } }, 3))
