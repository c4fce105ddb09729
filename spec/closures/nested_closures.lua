-- Closures nested several levels deep reach variables of every enclosing function.
local function level1(a)
  return function(b)
    return function(c)
      return function(d)
        a = a + 1
        return a + b + c + d
      end
    end
  end
end
local f = level1(1000)(100)(10)
print(f(1), f(1), f(2))
local function outer()
  local x = 0
  local function middle()
    local function inner() x = x + 1; return x end
    return inner
  end
  return middle(), middle(), function() return x end
end
local i1, i2, peek = outer()
i1(); i1(); i2()
print(peek())
local function adders()
  local t = {}
  for i = 1, 3 do
    t[i] = function(y) return function(z) return i + y + z end end
  end
  return t
end
local a = adders()
print(a[1](10)(100), a[3](20)(200))
