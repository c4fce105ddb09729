-- Higher-order functions: compose, curry, partial application, map/filter/reduce.
local function compose(...)
  local fs = { ... }
  return function(...)
    local r = table.pack(...)
    for i = #fs, 1, -1 do r = table.pack(fs[i](table.unpack(r, 1, r.n))) end
    return table.unpack(r, 1, r.n)
  end
end
local inc = function(x) return x + 1 end
local dbl = function(x) return x * 2 end
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(1, 2))
local function curry3(f) return function(a) return function(b) return function(c) return f(a, b, c) end end end end
print(curry3(function(a, b, c) return a .. b .. c end)("x")("y")("z"))
local function partial(f, ...)
  local bound = table.pack(...)
  return function(...)
    local args = {}
    for i = 1, bound.n do args[i] = bound[i] end
    local extra = table.pack(...)
    for i = 1, extra.n do args[bound.n + i] = extra[i] end
    return f(table.unpack(args, 1, bound.n + extra.n))
  end
end
print(partial(math.max, 3, 9)(4, 1), partial(string.rep, "ab")(3), partial(select, "#")(nil, nil))
local function map(t, f) local r = {} for i, v in ipairs(t) do r[i] = f(v) end return r end
local function filter(t, p) local r = {} for _, v in ipairs(t) do if p(v) then r[#r + 1] = v end end return r end
local function reduce(t, f, acc) for _, v in ipairs(t) do acc = f(acc, v) end return acc end
local nums = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }
print(table.concat(map(nums, dbl), " "))
print(table.concat(filter(nums, function(x) return x % 3 == 0 end), " "))
print(reduce(nums, function(a, b) return a + b end, 0), reduce(map(nums, inc), math.max, 0))
