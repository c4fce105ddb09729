-- attacks: changing the library tables and the string metatable under strict (every attempt must fail); expect: ok
local attempts = {
  function() string.rep = nil end,
  function() rawset(string, "rep", nil) end,
  function() table.insert(string, 1) end,
  function() setmetatable(string, {}) end,
  function() getmetatable("").__index = {} end,
  function() getmetatable("").__index.rep = nil end,
  function() rawset(getmetatable(""), "__index", {}) end,
  function() getmetatable("").__add = function() end end,
  function() math.floor = print end,
  function() table.concat = print end,
  function() coroutine.wrap = print end,
  function() utf8.char = print end,
  function() setmetatable("", {}) end,
}
for i, f in ipairs(attempts) do
  if pcall(f) then error("attempt " .. i .. " changed a library") end
end
assert(getmetatable(string) == false)
assert(("x"):rep(3) == "xxx")
assert(rawget(string, "rep") == nil)
