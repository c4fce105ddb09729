-- pcall and xpcall as base functions: status plus results.
print(pcall(function() return "ok" end))
print(pcall(function() error("fail") end))
print(xpcall(function() return "ok" end, print))
print(xpcall(function() error("fail") end, function(m) return "H(" .. m .. ")" end))
print(pcall(error))
print(xpcall(function(...) return select("#", ...) end, print, 1, 2, 3))
local status = {}
for i = 1, 5 do
  local ok = pcall(function() if i % 2 == 0 then error("even") end end)
  status[#status + 1] = tostring(ok)
end
print(table.concat(status, " "))
