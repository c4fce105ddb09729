-- Unary metamethods (__unm, __bnot, __len) receive the operand twice.
local seen = {}
local mt = {}
for _, name in ipairs({ "__unm", "__bnot", "__len" }) do
  mt[name] = function(...)
    local n = select("#", ...)
    local a, b = ...
    seen[#seen + 1] = name .. ":" .. n .. ":" .. tostring(rawequal(a, b))
    return name
  end
end
local v = setmetatable({}, mt)
print(-v, ~v, #v)
print(table.concat(seen, " "))
