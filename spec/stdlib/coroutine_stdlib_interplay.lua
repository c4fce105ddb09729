-- Library functions that call back into Lua (sort comparators, gsub callbacks, __tostring) inside a coroutine.
local co = coroutine.wrap(function()
  local t = { 3, 1, 2 }
  table.sort(t, function(a, b) return a > b end)
  coroutine.yield(table.concat(t, ","))
  local s = ("abc"):gsub(".", function(c) return c:upper() end)
  coroutine.yield(s)
  local str = tostring(setmetatable({}, { __tostring = function() return "ts" end }))
  coroutine.yield(str)
  return "done"
end)
print(co(), co(), co(), co())
