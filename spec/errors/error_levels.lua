-- error(msg, level): level 1 (default) is the function calling error, 2 its caller, 0 no position.
local function lvl1() error("level one") end
local function lvl1_explicit() error("level one explicit", 1) end
local function lvl2() error("level two", 2) end
local function lvl0() error("level zero", 0) end
local function lvl3_inner() error("level three", 3) end
local function lvl3_mid() lvl3_inner() end
local function caller2(f)
  local r = f()
  return r
end
print(pcall(lvl1))
print(pcall(lvl1_explicit))
print(pcall(caller2, lvl2))
print(pcall(lvl0))
print(pcall(function()
  lvl3_mid()
end))
print(pcall(function() error("inline") end))
print(pcall(function() error("non-string level", 2.0) end))
print(pcall(error, "called directly", 1))
print(pcall(error, "called directly level 2", 2))
print(pcall(function() error() end))
print(pcall(function() error(nil, 2) end))
print(pcall(function() error("with number level", 50) end))
