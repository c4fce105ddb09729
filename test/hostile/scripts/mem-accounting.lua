-- attacks: strings made by library functions escaping the memory accounting (each result must show in collectgarbage("count") as it is made); expect: ok
local input = ("x"):rep(20000)
local upper = ("X"):rep(20000)
local function counted(name, make)
  -- a collection between the two readings could hide the growth: up to three tries
  for try = 1, 3 do
    local before = collectgarbage("count")
    local s = make(input)
    local grown = (collectgarbage("count") - before) * 1024
    if grown >= #s then return end
  end
  error(name .. ": its result is not counted as memory")
end
counted("string.upper", function(s) return s:upper() end)
counted("string.lower", function() return upper:lower() end)
counted("string.reverse", function(s) return s:reverse() end)
counted("string.sub", function(s) return s:sub(2) end)
counted("string.format", function(s) return string.format("%d%s", 1, s) end)
counted("string.format %q", function(s) return string.format("%q", s) end)
counted("string.gsub", function(s) return (s:gsub("x", "y", 1)) end)
counted("string.match", function(s) return s:match("^x(.*)$") end)
counted("string.char", function(s) return string.char(s:byte(1, 3000)) end)
counted("string.pack", function(s) return string.pack("z", s) end)
counted("utf8.char", function(s) return utf8.char(s:byte(1, 3000)) end)
counted("table.concat", function(s) return table.concat({ s, s }, "-") end)
