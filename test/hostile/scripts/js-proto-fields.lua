-- attacks: "constructor", "__proto__", "prototype" and other JS names read from every library table, the string metatable and strings; expect: ok
local names = { "constructor", "__proto__", "prototype", "toString", "valueOf", "hasOwnProperty",
  "__defineGetter__", "call", "apply", "bind", "length", "name", "caller", "arguments", "then" }
local function probe(v, path)
  for _, n in ipairs(names) do
    local r = v[n]
    if r ~= nil and not (type(v) == "string" and string[n] == r) then
      error(path .. "." .. n .. " is " .. tostring(r))
    end
  end
end
local seen = {}
local function walk(t, path)
  if seen[t] then return end
  seen[t] = true
  probe(t, path)
  for k, v in pairs(t) do
    if type(v) == "table" then walk(v, path .. "." .. tostring(k)) end
  end
end
walk(_G, "_G")
probe("", "a string")
probe(getmetatable(""), "the string metatable")
probe(getmetatable("").__index, "the string metatable's __index")
-- functions cannot be indexed at all
assert(not pcall(function() return print.constructor end))
assert(not pcall(function() return string.rep.prototype end))
