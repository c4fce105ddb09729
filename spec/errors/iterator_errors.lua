-- Errors in generic for loops: non-callable iterators and errors raised by iterators.
local function try(f) print(select(2, pcall(f))) end
try(function() for x in nil do end end)
try(function() for x in 42 do end end)
try(function() local t = {} for k, v in t do end end)
try(function() for x in function() error("iterator failed") end do end end)
try(function() for k, v in pairs(nil) do end end)
try(function() for i, v in ipairs() do end end)
try(function() for k in next, nil do end end)
try(function() local iter = setmetatable({}, { __call = function(_, s, c) if c < 3 then return c + 1 end end })
  local n = 0
  for v in iter, nil, 0 do n = n + v end
  error("sum " .. n, 0)
end)
